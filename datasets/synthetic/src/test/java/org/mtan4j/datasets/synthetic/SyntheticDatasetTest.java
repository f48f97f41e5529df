package org.mtan4j.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.Sample;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.testkit.ContractSupport;

/** The dataset as the runtime sees it: discovery, options, tasks, NDArray layout, augmentation, threads. */
class SyntheticDatasetTest extends ContractSupport {

    private static final SyntheticOptions SMALL = new SyntheticOptions(32, 48, 6, 4, 0L, false);

    @Test
    void isFoundByServiceLoader() {
        boolean found = false;
        for (DatasetProvider<?> p : ServiceLoader.load(DatasetProvider.class)) {
            found |= p instanceof SyntheticDatasetProvider && p.name().equals("synthetic");
        }
        assertTrue(found, "META-INF/services lists the provider");
    }

    @Test
    void declaresNyuTasksAndSplits() {
        MultiTaskDataset dataset = new SyntheticDatasetProvider().open(SMALL);
        assertEquals(List.of(new TaskSpec("semantic", TaskKind.SEGMENTATION, 13, -1), new TaskSpec("depth", TaskKind.DEPTH, 0, 0),
                new TaskSpec("normal", TaskKind.NORMAL, 0, 0)), dataset.tasks());
        assertEquals(List.of("train", "val"), dataset.splits());
        assertEquals(new Shape(3, 32, 48), dataset.imageShape());
        assertEquals(6, dataset.size("train"));
        assertEquals(4, dataset.size("val"));
        assertEquals(new SyntheticOptions(96, 128, 400, 100, 0L, false), new SyntheticDatasetProvider().defaultOptions());
    }

    @Test
    void rejectsBadOptionsNamingThem() {
        assertMessage("height must be > 0, got -3", () -> new SyntheticOptions(-3, 128, 1, 1, 0, false));
        assertMessage("width must be > 0, got 0", () -> new SyntheticOptions(96, 0, 1, 1, 0, false));
        assertMessage("width must be <= 4096, got 5000", () -> new SyntheticOptions(96, 5000, 1, 1, 0, false));
        assertMessage("trainSize must be > 0, got 0", () -> new SyntheticOptions(96, 128, 0, 1, 0, false));
        assertMessage("valSize must be > 0, got -1", () -> SyntheticOptions.DEFAULTS.withSplitSizes(5, -1));
    }

    private static void assertMessage(String expected, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void samplesCarryTheRenderedArraysInTargetLayout() {
        SyntheticDataset dataset = new SyntheticDataset(SMALL);
        Frame frame = dataset.render("val", 2);
        Sample sample = dataset.get(manager, "val", 2, 99L);
        assertArrayEquals(frame.rgb(), sample.image().toFloatArray());
        assertArrayEquals(frame.labels(), sample.targets().get(0).toFloatArray());
        assertArrayEquals(frame.depth(), sample.targets().get(1).toFloatArray());
        assertArrayEquals(frame.normals(), sample.targets().get(2).toFloatArray());
        assertEquals(new Shape(32, 48), sample.targets().get(0).getShape());
        assertEquals(new Shape(1, 32, 48), sample.targets().get(1).getShape());
        assertEquals(new Shape(3, 32, 48), sample.targets().get(2).getShape());
    }

    @Test
    void augmentationFlipsSomeTrainingSamplesAndNoValidationSample() {
        SyntheticDataset dataset = new SyntheticDataset(SMALL.withAugment(true));
        Frame frame = dataset.render("train", 1);
        Frame mirrored = frame.flipped();
        int flipped = 0;
        int kept = 0;
        for (long seed = 0; seed < 16; seed++) {
            float[] image = dataset.get(manager, "train", 1, seed).image().toFloatArray();
            if (Arrays.equals(image, mirrored.rgb())) {
                flipped++;
                assertArrayEquals(mirrored.normals(), dataset.get(manager, "train", 1, seed).targets().get(2).toFloatArray());
            } else {
                assertArrayEquals(frame.rgb(), image, "either flipped or untouched");
                kept++;
            }
            assertArrayEquals(dataset.render("val", 1).rgb(), dataset.get(manager, "val", 1, seed).image().toFloatArray(),
                    "validation is never augmented");
        }
        assertTrue(flipped > 0 && kept > 0, "the seed decides: " + flipped + " flipped, " + kept + " kept");
    }

    @Test
    void indexErrorsNameTheSplitAndSize() {
        MultiTaskDataset dataset = new SyntheticDatasetProvider().open(SMALL);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> dataset.get(manager, "val", 4, 0L));
        assertEquals("index 4 is out of range for split 'val' of size 4", e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> dataset.get(manager, "test", 0, 0L));
        assertTrue(unknown.getMessage().contains("'test'"), unknown.getMessage());
    }

    @Test
    void concurrentReadersGetTheSameSamplesAsOne() throws Exception {
        SyntheticDataset dataset = new SyntheticDataset(SMALL);
        List<float[]> serial = new ArrayList<>();
        for (int i = 0; i < SMALL.trainSize(); i++) {
            serial.add(dataset.render("train", i).rgb());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < SMALL.trainSize(); i++) {
                    int index = i;
                    futures.add(pool.submit(() -> dataset.render("train", index).rgb()));
                }
            }
            for (int k = 0; k < futures.size(); k++) {
                assertArrayEquals(serial.get(k % SMALL.trainSize()), futures.get(k).get(), "sample " + k % SMALL.trainSize());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
