package org.mtan4j.runtime.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.runtime.Runs;
import org.mtan4j.runtime.TinyRuns;

/**
 * Every step's activations are freed with its batch: over 500 steps the number of live engine arrays
 * does not grow at all, and resident memory stays flat (allowing for the JVM's own heap settling).
 */
class MemoryStabilityTest {

    private static long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    /** Arrays alive anywhere under the engine's root manager. */
    private static int liveArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return ((BaseNDManager) probe.getParentManager()).getManagedArrays().size();
        }
    }

    @Test
    void residentMemoryStaysFlatOver500Steps(@TempDir Path dir) {
        long[] rss = new long[2];
        int[] arrays = new int[2];
        TrainingListener probe = new TrainingListener() {
            @Override
            public void onStep(StepEnd step) {
                if (step.globalStep() == 99) {
                    arrays[0] = liveArrays();
                    rss[0] = residentKb();
                } else if (step.globalStep() == 499) {
                    arrays[1] = liveArrays();
                    rss[1] = residentKb();
                }
            }
        };
        // 50 steps per epoch, 10 epochs: 500 steps, with an evaluation after each epoch.
        Runs.train(TinyRuns.resolved("dataset.options.train-size=100", "training.batch-size=2", "training.epochs=10",
                "training.checkpoint-every=100"), dir, false, List.of(probe));
        assertTrue(arrays[0] > 0, "arrays were counted");
        assertEquals(arrays[0], arrays[1], "live engine arrays after step 100 and after step 500");
        long growthKb = rss[1] - rss[0];
        // One step's activations and gradients here are several MB: a per-step leak would add far more.
        assertTrue(rss[0] > 0 && growthKb < 160 * 1024, "RSS after step 100: " + rss[0] / 1024 + " MB, after step 500: "
                + rss[1] / 1024 + " MB");
    }
}
