package org.mtan4j.datasets.arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.Sample;
import org.mtan4j.api.TaskSpec;

/** The folder layout, value checks and target shapes, on a 2x3 dataset with a label, a depth and a normal task. */
class ArrayFolderDatasetTest {

    static {
        System.setProperty("ai.djl.offline", "true");
    }

    private static final int H = 2;
    private static final int W = 3;
    private static final List<ArrayTask> ARRAYS = List.of(
            new ArrayTask(TaskSpec.segmentation("semantic", 4), "label", 0, "label"),
            new ArrayTask(TaskSpec.depth("depth"), "depth", 1, "depth"),
            new ArrayTask(TaskSpec.normal("normal"), "normal", 3, "normal"));

    @TempDir
    Path root;
    NDManager manager;

    /** Reads samples as they are, channels first. */
    private static final class Plain extends ArrayFolderDataset {
        Plain(Path root) throws IOException {
            super("plain", root, H, W, ARRAYS);
        }

        @Override
        public Sample get(NDManager manager, String split, int index, long seed) throws IOException {
            checkIndex(split, index);
            float[] image = new float[3 * H * W];
            channelsFirst(readImage(split, index, new float[3 * H * W]), image, 3);
            NDList targets = new NDList();
            for (ArrayTask task : arrays()) {
                int channels = Math.max(task.channels(), 1);
                float[] values = new float[channels * H * W];
                channelsFirst(readTarget(task, split, index, new float[channels * H * W]), values, channels);
                targets.add(target(manager, task, values));
            }
            return new Sample(manager.create(image, imageShape()), targets);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        for (String split : List.of("train", "val")) {
            for (int i = 0; i < (split.equals("train") ? 2 : 1); i++) {
                write(split, "image", i, 3, new float[3 * H * W]);
                write(split, "label", i, 0, new float[] {0, 1, 2, 3, -1, 0});
                write(split, "depth", i, 1, new float[] {0, 1, 2, 3, 4, 5});
                write(split, "normal", i, 3, new float[3 * H * W]);
            }
        }
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private void write(String split, String folder, int index, int channels, float[] values) throws IOException {
        NpyFixtures.put(root.resolve(split).resolve(folder), index, NpyFixtures.float32(H, W, channels, values));
    }

    @Test
    void readsTheLayoutAndGivesTargetsInTheRuntimesShapes() throws IOException {
        Plain dataset = new Plain(root);
        dataset.checkFiles();
        assertEquals(2, dataset.size("train"));
        assertEquals(1, dataset.size("val"));
        assertEquals(new Shape(3, H, W), dataset.imageShape());
        assertEquals(ARRAYS.stream().map(ArrayTask::spec).toList(), dataset.tasks());
        Sample sample = dataset.get(manager, "train", 1, 0);
        assertEquals(new Shape(H, W), sample.targets().get(0).getShape());
        assertEquals(new Shape(1, H, W), sample.targets().get(1).getShape());
        assertEquals(new Shape(3, H, W), sample.targets().get(2).getShape());
        assertArrayEquals(new float[] {0, 1, 2, 3, -1, 0}, sample.targets().get(0).toFloatArray());
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.get(manager, "val", 1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dataset.size("test"));
        assertTrue(e.getMessage().contains("the plain dataset has [train, val]"), e.getMessage());
    }

    @Test
    void badValuesAreNamedWithTheirFileAndPosition() throws IOException {
        write("train", "label", 1, 0, new float[] {0, 1, 2, 3, 4, 0});
        assertGetFails(root.resolve("train/label/1.npy"), "label 4.0 at row 1, column 1 is not a class 0..3 nor the ignore value -1");
        write("train", "label", 1, 0, new float[6]);
        write("train", "depth", 1, 1, new float[] {0, 0, -1, 0, 0, 0});
        assertGetFails(root.resolve("train/depth/1.npy"), "depth -1.0 at row 0, column 2 is not a finite value >= 0");
        write("train", "depth", 1, 1, new float[6]);
        float[] normal = new float[3 * H * W];
        normal[3 * 4 + 2] = Float.NaN;
        write("train", "normal", 1, 3, normal);
        assertGetFails(root.resolve("train/normal/1.npy"), "normal value NaN at row 1, column 1 is not finite");
        float[] image = new float[3 * H * W];
        image[1] = Float.POSITIVE_INFINITY;
        write("train", "image", 1, 3, image);
        assertGetFails(root.resolve("train/image/1.npy"), "image value Infinity at row 0, column 0 is not finite");
    }

    @Test
    void aMissingFolderIsNamed() {
        IOException e = assertThrows(IOException.class, () -> new Plain(root.resolve("nope")));
        assertTrue(e.getMessage().startsWith(root.resolve("nope") + ": missing dataset folder"), e.getMessage());
    }

    @Test
    void optionChecksNameTheOption() {
        assertEquals(List.of("a"), ArrayFolderOptions.requireTasks(List.of("a"), List.of("a", "b")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArrayFolderOptions.requireTasks(List.of("c"), List.of("a")))
                .getMessage().contains("tasks: unknown task 'c'; allowed: [a]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArrayFolderOptions.requireTasks(List.of("a", "a"), List.of("a")))
                .getMessage().contains("duplicates"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArrayFolderOptions.requireSide("width", 1, 2))
                .getMessage().equals("width must be in 2..8192, got 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArrayFolderOptions.requireRoot(" "))
                .getMessage().startsWith("root must name the dataset folder"));
    }

    private void assertGetFails(Path file, String message) throws IOException {
        Plain dataset = new Plain(root);
        IOException e = assertThrows(IOException.class, () -> dataset.get(manager, "train", 1, 0));
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(message), e.getMessage());
    }
}
