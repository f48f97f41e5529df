package org.mtan4j.datasets.nyuv2;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.datasets.arrays.FixtureDatasetTest;
import org.mtan4j.datasets.arrays.NpyFixtures;

/** Every kind of bad input fails with an IOException naming the file (or folder) and the problem. */
class NyuV2MalformedTest extends FixtureDatasetTest<NyuV2Options> {

    @Override
    protected void writeFixture() throws IOException {
        NyuV2Fixture.write(root, H, W, 3, 2, false);
    }

    @Override
    protected DatasetProvider<NyuV2Options> provider() {
        return new NyuV2DatasetProvider();
    }

    private NyuV2Options options() {
        return NyuV2Options.DEFAULTS.withRoot(root.toString()).withSize(H, W);
    }

    private void assertGetFails(Path file, String expected) {
        assertGetFails(options(), file, expected);
    }

    private void assertOpenFails(Path file, String expected) {
        assertOpenFails(options(), file, expected);
    }

    private float[] zeros(int n) {
        return new float[n];
    }

    @Test
    void truncatedFile() throws IOException {
        Path f = root.resolve("train/image/1.npy");
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 100));
        assertGetFails(f, "truncated");
    }

    @Test
    void wrongDtype() throws IOException {
        Path f = root.resolve("train/label/1.npy");
        Files.write(f, NpyFixtures.npy("<f8", false, "(32, 64)", zeros(H * W)));
        assertGetFails(f, "dtype is '<f8', expected '<f4'");
    }

    @Test
    void wrongShape() throws IOException {
        Path f = root.resolve("train/depth/1.npy");
        Files.write(f, NpyFixtures.npy("<f4", false, "(32, 64)", zeros(H * W)));
        assertGetFails(f, "shape is (32, 64), expected (32, 64, 1)");
        Path g = root.resolve("train/image/1.npy");
        Files.write(g, NpyFixtures.npy("<f4", false, "(64, 32, 3)", zeros(3 * H * W)));
        assertGetFails(g, "shape is (64, 32, 3), expected (32, 64, 3)");
    }

    @Test
    void bigEndian() throws IOException {
        Path f = root.resolve("train/normal/1.npy");
        Files.write(f, NpyFixtures.npy(">f4", false, "(32, 64, 3)", zeros(3 * H * W)));
        assertGetFails(f, "big-endian");
    }

    @Test
    void fortranOrder() throws IOException {
        Path f = root.resolve("train/image/1.npy");
        Files.write(f, NpyFixtures.npy("<f4", true, "(32, 64, 3)", zeros(3 * H * W)));
        assertGetFails(f, "Fortran-order");
    }

    @Test
    void labelOutOfRange() throws IOException {
        Path f = root.resolve("train/label/1.npy");
        float[] labels = zeros(H * W);
        labels[W + 5] = 13;
        Files.write(f, NpyFixtures.npy("<f4", false, "(32, 64)", labels));
        assertGetFails(f, "label 13.0 at row 1, column 5");
        labels[W + 5] = 2.5f;
        Files.write(f, NpyFixtures.npy("<f4", false, "(32, 64)", labels));
        assertGetFails(f, "label 2.5");
    }

    @Test
    void negativeOrNanDepth() throws IOException {
        Path f = root.resolve("train/depth/1.npy");
        float[] depth = zeros(H * W);
        depth[3] = Float.NaN;
        Files.write(f, NpyFixtures.npy("<f4", false, "(32, 64, 1)", depth));
        assertGetFails(f, "depth NaN at row 0, column 3");
    }

    @Test
    void missingIndexInASequence() throws IOException {
        Files.delete(root.resolve("train/label/1.npy"));
        assertOpenFails(root.resolve("train/label/1.npy"), "missing");
        Files.delete(root.resolve("val/image/0.npy"));
        Files.delete(root.resolve("train/image/1.npy"));
        assertOpenFails(root.resolve("train/image/1.npy"), "missing; the folder has 2 .npy files");
    }

    @Test
    void badFileNameAndCountMismatch() throws IOException {
        Files.write(root.resolve("train/depth/03.npy"), new byte[0]);
        assertOpenFails(root.resolve("train/depth/03.npy"), "not a numbered array");
        Files.move(root.resolve("train/depth/03.npy"), root.resolve("train/depth/3.npy"));
        assertOpenFails(root.resolve("train/depth"), "has 4 arrays but");
    }

    @Test
    void missingSplitFolderOrRoot() throws IOException {
        for (String f : new String[] {"image", "label", "depth", "normal"}) {
            try (var s = Files.list(root.resolve("val").resolve(f))) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(root.resolve("val").resolve(f));
        }
        Files.delete(root.resolve("val"));
        assertOpenFails(root.resolve("val"), "missing split folder");
        IOException e = assertThrows(IOException.class,
                () -> new NyuV2DatasetProvider().open(options().withRoot(root.resolve("nope").toString())));
        assertTrue(e.getMessage().startsWith(root.resolve("nope") + ": missing dataset folder"), e.getMessage());
    }

    @Test
    void badOptionsNameTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> options().withTasks(java.util.List.of("edges")));
        assertTrue(e.getMessage().contains("tasks: unknown task 'edges'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> options().withSize(0, 5));
        assertTrue(e.getMessage().startsWith("height"), e.getMessage());
    }
}
