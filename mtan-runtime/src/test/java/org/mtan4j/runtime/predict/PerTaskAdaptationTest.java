package org.mtan4j.runtime.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunComponents;
import org.mtan4j.runtime.Runs;
import org.mtan4j.runtime.TinyRuns;
import org.mtan4j.runtime.predict.PerTaskAdaptation.Adapted;
import org.mtan4j.runtime.predict.PerTaskAdaptation.Start;
import org.mtan4j.runtime.weights.RunModel;

/**
 * The decathlon test protocol ({@link PerTaskAdaptation}) on three {@code synthetic-shapes} domains
 * trained two epochs with a restart at 1 that skips {@code colour}: colour starts from the restart's
 * weights, shape and position from the final ones, one after the other.
 */
class PerTaskAdaptationTest {

    /** The WRN-MTAN trunk's last BatchNorm, shared by every task. */
    private static final String SHARED_NORM = "bn1.running_mean";

    /** The shared statistics and each task's classifier, by PyTorch name. */
    private static Map<String, float[]> snapshot(RunModel model) {
        Map<String, float[]> values = new HashMap<>();
        model.stateDictNames().entries().forEach((name, p) -> {
            if (name.equals(SHARED_NORM) || name.startsWith("linear.")) {
                values.put(name, p.getArray().toFloatArray());
            }
        });
        return values;
    }

    private static Map<String, float[]> snapshot(ResolvedRun run, Path checkpoint) throws Exception {
        try (RunModel model = RunModel.build(run)) {
            model.loadCheckpoint(checkpoint);
            return snapshot(model);
        }
    }

    @Test
    void eachTaskIsPredictedWithItsOwnStatisticsAndTheSkippedOneFromTheRestart(@TempDir Path dir) throws Exception {
        String restart = "  restarts: [{epoch: 1, learning-rate: 0.01, skip-tasks: [colour]}]";
        ResolvedRun run = TinyRuns.resolve(TinyRuns.shapes(new int[] {32, 32, 32}, "in-turn", 2, restart));
        Runs.Outcome outcome = Runs.train(run, dir, false, List.of());
        Path restartWeights = outcome.directory().restartCheckpoint(1);
        Path finalWeights = outcome.directory().checkpoints().resolve("last.params");
        byte[] restartBytes = Files.readAllBytes(restartWeights);
        byte[] finalBytes = Files.readAllBytes(finalWeights);
        Map<String, float[]> atRestart = snapshot(run, restartWeights);
        Map<String, float[]> atEnd = snapshot(run, finalWeights);

        Map<Integer, Map<String, float[]>> predicted = new HashMap<>();
        List<Start> starts = List.of(new Start(restartWeights, 0.02), new Start(finalWeights, 0.005), new Start(finalWeights, 0.005));
        List<Adapted> adapted;
        try (RunComponents components = new RunComponents(run)) {
            adapted = PerTaskAdaptation.run(run, components.datasets(), starts, Device.cpu(),
                    (task, model) -> predicted.put(task, snapshot(model)));
        }

        assertEquals(List.of(0, 1, 2), adapted.stream().map(Adapted::task).toList(), "by start, then in task order");
        for (Adapted a : adapted) {
            // 32 training images and 60 validation images in batches of 16.
            assertEquals(2 + 4, a.steps(), "task " + a.task());
            assertTrue(a.before().containsKey("accuracy") && a.after().containsKey("accuracy"), a.after().toString());
            assertNotEquals(a.before().get("loss"), a.after().get("loss"), "the adaptation moved task " + a.task());
        }
        // Before each task's predictions the shared statistics are no longer those it started from ...
        assertFalse(Arrays.equals(atRestart.get(SHARED_NORM), predicted.get(0).get(SHARED_NORM)), "colour adapted them");
        assertFalse(Arrays.equals(atEnd.get(SHARED_NORM), predicted.get(1).get(SHARED_NORM)), "shape adapted them");
        // ... and each task's are its own: position continues from shape's adaptation and changes them again.
        assertFalse(Arrays.equals(predicted.get(1).get(SHARED_NORM), predicted.get(2).get(SHARED_NORM)), "position adapted them");

        // Colour started from the restart: shape's classifier, trained after the restart, is still the restart's.
        String shapeHead = "linear.1.0.weight";
        assertTrue(atRestart.containsKey(shapeHead), atRestart.keySet().toString());
        assertFalse(Arrays.equals(atRestart.get(shapeHead), atEnd.get(shapeHead)), "shape trained after the restart");
        assertArrayEquals(atRestart.get(shapeHead), predicted.get(0).get(shapeHead));
        // Shape started from the final weights: position's classifier is still the final one.
        String positionHead = "linear.2.0.weight";
        assertFalse(Arrays.equals(atRestart.get(positionHead), atEnd.get(positionHead)), "position trained after the restart");
        assertArrayEquals(atEnd.get(positionHead), predicted.get(1).get(positionHead));

        assertArrayEquals(restartBytes, Files.readAllBytes(restartWeights), "the checkpoints are only read");
        assertArrayEquals(finalBytes, Files.readAllBytes(finalWeights), "the checkpoints are only read");
    }
}
