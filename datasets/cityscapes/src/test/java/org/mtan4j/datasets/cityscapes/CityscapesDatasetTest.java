package org.mtan4j.datasets.cityscapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.Sample;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.datasets.arrays.FixtureDatasetTest;
import org.mtan4j.datasets.arrays.NpyFixtures;

/** Options, task selection, layout and every kind of malformed input. */
class CityscapesDatasetTest extends FixtureDatasetTest<CityscapesOptions> {

    @Override
    protected void writeFixture() throws IOException {
        CityscapesFixture.write(root, H, W, 3, 2);
    }

    @Override
    protected DatasetProvider<CityscapesOptions> provider() {
        return new CityscapesDatasetProvider();
    }

    private CityscapesOptions options() {
        return CityscapesOptions.DEFAULTS.withRoot(root.toString()).withSize(H, W);
    }

    @Test
    void isFoundAndHasTheDocumentedDefaults() {
        boolean found = false;
        for (DatasetProvider<?> p : ServiceLoader.load(DatasetProvider.class)) {
            found |= p instanceof CityscapesDatasetProvider && p.name().equals("cityscapes");
        }
        assertTrue(found);
        assertEquals(new CityscapesOptions("data/cityscapes", 128, 256, 7, List.of("semantic", "depth")),
                new CityscapesDatasetProvider().defaultOptions());
    }

    @Test
    void theClassSetPicksTheLabelFolderAndTasksTheTargets() throws IOException {
        for (int classes : new int[] {2, 7, 19}) {
            try (MultiTaskDataset d = new CityscapesDatasetProvider().open(options().withClasses(classes))) {
                assertEquals(List.of(TaskSpec.segmentation("semantic", classes), TaskSpec.depth("depth")), d.tasks());
                Sample s = d.get(manager, "val", 1, 0L);
                assertArrayEquals(NpyFixtures.payload(root.resolve("val/label_" + classes + "/1.npy")),
                        s.targets().get(0).toFloatArray());
            }
        }
        try (MultiTaskDataset d = new CityscapesDatasetProvider().open(options().withTasks(List.of("depth")))) {
            assertEquals(List.of(TaskSpec.depth("depth")), d.tasks());
            Sample s = d.get(manager, "train", 2, 0L);
            assertEquals(new Shape(1, H, W), s.targets().get(0).getShape());
            assertArrayEquals(NpyFixtures.payload(root.resolve("train/depth/2.npy")), s.targets().get(0).toFloatArray());
            float[] src = NpyFixtures.payload(root.resolve("train/image/2.npy"));
            float[] img = s.image().toFloatArray();
            for (int p = 0; p < H * W; p++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(src[p * 3 + c], img[c * H * W + p], "channels move first");
                }
            }
        }
    }

    @Test
    void refusesBadOptionsNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> options().withClasses(13));
        assertEquals("classes must be one of [2, 7, 19], got 13", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> options().withTasks(List.of("normal")));
        assertTrue(e.getMessage().startsWith("tasks: unknown task 'normal'"), e.getMessage());
    }

    @Test
    void malformedArraysNameTheFile() throws IOException {
        Path label = root.resolve("train/label_7/1.npy");
        byte[] good = Files.readAllBytes(label);
        Files.write(label, Arrays.copyOf(good, good.length - 1));
        assertGetFails(options(), label, "truncated");
        Files.write(label, NpyFixtures.npy("<f8", false, "(32, 64)", new float[H * W]));
        assertGetFails(options(), label, "dtype is '<f8'");
        Files.write(label, NpyFixtures.npy(">f4", false, "(32, 64)", new float[H * W]));
        assertGetFails(options(), label, "big-endian");
        Files.write(label, NpyFixtures.npy("<f4", true, "(32, 64)", new float[H * W]));
        assertGetFails(options(), label, "Fortran-order");
        Files.write(label, NpyFixtures.npy("<f4", false, "(64, 32)", new float[H * W]));
        assertGetFails(options(), label, "shape is (64, 32), expected (32, 64)");
        float[] values = new float[H * W];
        values[70] = 7;
        Files.write(label, NpyFixtures.npy("<f4", false, "(32, 64)", values));
        assertGetFails(options(), label, "label 7.0 at row 1, column 6 is not a class 0..6");
        Path depth = root.resolve("train/depth/1.npy");
        float[] d = new float[H * W];
        d[0] = -0.5f;
        Files.write(depth, NpyFixtures.npy("<f4", false, "(32, 64, 1)", d));
        assertGetFails(options().withTasks(List.of("depth")), depth, "inverse depth -0.5");
    }

    @Test
    void layoutProblemsNameTheFolderOrFile() throws IOException {
        Files.delete(root.resolve("val/depth/1.npy"));
        IOException e = assertThrows(IOException.class, () -> new CityscapesDatasetProvider().open(options()));
        assertTrue(e.getMessage().startsWith(root.resolve("val/depth") + ": has 1 arrays"), e.getMessage());
        Files.delete(root.resolve("train/label_19/0.npy"));
        e = assertThrows(IOException.class, () -> new CityscapesDatasetProvider().open(options().withClasses(19)));
        assertTrue(e.getMessage().startsWith(root.resolve("train/label_19/0.npy") + ": missing"), e.getMessage());
        e = assertThrows(IOException.class, () -> new CityscapesDatasetProvider().open(options().withRoot(root.resolve("val").toString())));
        assertTrue(e.getMessage().startsWith(root.resolve("val/train") + ": missing split folder"), e.getMessage());
    }
}
