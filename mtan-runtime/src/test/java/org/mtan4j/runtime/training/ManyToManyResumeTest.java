package org.mtan4j.runtime.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.Runs;

/**
 * Exact resume of many-to-many runs (three {@code synthetic-shapes} domains): stopped or crashed
 * mid-epoch, in the middle of a domain's turn and after a restart, and resumed from the checkpoint, a run
 * ends with the same {@code metrics.csv} and weights as the run never interrupted.
 */
class ManyToManyResumeTest {

    /** In turn, 6 steps an epoch (2 per domain), DWA, a restart at epoch index 2 that drops colour. */
    private static ResolvedRun inTurn() {
        return ManyToManyTrainingTest.resolve(ManyToManyTrainingTest.yaml(new int[] {32, 32, 32}, "in-turn", 4,
                "  restarts: [{epoch: 2, learning-rate: 0.01, skip-tasks: [colour]}]\n  checkpoint-every-steps: 4\nweighting: dwa")
                .replace("val-size: 60", "val-size: 30"));
    }

    /** Asks to stop after global step {@code at} (from 0), as a signal handler would. */
    private record StopAt(StopRequest stop, long at) implements TrainingListener {
        @Override
        public void onStep(StepEnd step) {
            if (step.globalStep() == at) {
                stop.request();
            }
        }
    }

    /** The process dies after global step {@code at}: no checkpoint of its own, the newest periodic one is used. */
    private record CrashAt(long at) implements TrainingListener {
        @Override
        public void onStep(StepEnd step) {
            if (step.globalStep() == at) {
                throw new IllegalStateException("killed");
            }
        }
    }

    private static void assertSameRun(Path whole, Path parts) throws Exception {
        assertEquals(Files.readString(whole.resolve("metrics.csv")), Files.readString(parts.resolve("metrics.csv")));
        assertArrayEquals(Files.readAllBytes(whole.resolve("checkpoints/last.params")),
                Files.readAllBytes(parts.resolve("checkpoints/last.params")), "same final weights");
    }

    @Test
    void aStoppedInTurnRunResumesExactlyAcrossARestart(@TempDir Path dir) throws Exception {
        Path whole = Runs.train(inTurn(), dir.resolve("whole"), false, List.of()).directory().root();

        // Global step 8: epoch 2's third step, in the shape domain's turn, after colour's evaluation.
        StopRequest stop = new StopRequest();
        TrainingStopped stopped = assertThrows(TrainingStopped.class,
                () -> Runs.train(inTurn(), dir.resolve("parts"), false, List.of(new StopAt(stop, 8)), stop));
        assertTrue(stopped.getMessage().contains("in epoch 2 after step 3"), stopped.getMessage());
        Path parts = dir.resolve("parts/shapes");
        Runs.ResumePoint point = Runs.resumePoint(parts);
        assertEquals(1, point.checkpoint().state().epoch());
        assertEquals(3, point.checkpoint().state().step());
        assertArrayEquals(new int[] {2, 1, 0}, point.checkpoint().state().turns().steps());
        // Stopped again inside the restarted phase (epoch index 2 trains 4 steps: shape, position).
        StopRequest again = new StopRequest();
        assertThrows(TrainingStopped.class, () -> Runs.resume(inTurn(), point, List.of(new StopAt(again, 13)), again));
        Runs.resume(inTurn(), Runs.resumePoint(parts), List.of(), null);
        assertSameRun(whole, parts);
    }

    @Test
    void aCrashedInterleavedRunResumesExactlyFromItsPeriodicCheckpoint(@TempDir Path dir) throws Exception {
        ResolvedRun run = ManyToManyTrainingTest.resolve(ManyToManyTrainingTest.yaml(new int[] {32, 16, 32}, "interleaved", 3,
                "  checkpoint-every-steps: 3\nweighting: rlw").replace("val-size: 60", "val-size: 30"));
        Path whole = Runs.train(run, dir.resolve("whole"), false, List.of()).directory().root();
        assertThrows(IllegalStateException.class, () -> Runs.train(run, dir.resolve("parts"), false, List.of(new CrashAt(7))));
        Path parts = dir.resolve("parts/shapes");
        Runs.ResumePoint point = Runs.resumePoint(parts);
        assertEquals(6, point.checkpoint().state().globalStep(), "the newest periodic checkpoint");
        Runs.resume(run, point, List.of(), null);
        assertSameRun(whole, parts);
    }
}
