package org.mtan4j.runtime.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.Runs;
import org.mtan4j.runtime.TinyRuns;

/**
 * Exact resume: a run stopped part-way (through {@link StopRequest}, as a signal does) and resumed from
 * its checkpoint ends with the same {@code metrics.csv} and weights as the run that was never stopped.
 * The hard-kill variant, on a real process, is in the cli module.
 */
class ResumeTest {

    private static final String[] TINY = {"dataset.options.train-size=16", "training.batch-size=4", "training.epochs=3",
        "training.checkpoint-every-steps=3"};

    /** The tiny run with {@code weighting}, or {@code weighting+sgd} for Nesterov SGD instead of Adam. */
    private static ResolvedRun tiny(String weighting) {
        List<String> overrides = new java.util.ArrayList<>(List.of(TINY));
        String[] parts = weighting.split("\\+");
        overrides.add("weighting=" + parts[0]);
        if (parts.length > 1) {
            overrides.add("training.optimizer={name: sgd, learning-rate: 0.01, momentum: 0.9, nesterov: true, weight-decay: 1.0e-4}");
        }
        return TinyRuns.resolved(overrides.toArray(String[]::new));
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dwa", "uncertainty", "rlw", "famo", "db-mtl", "nash-mtl", "equal+sgd", "moco", "excess-mtl",
        "{name: stch, options: {warmup-epoch: 0}}"})
    void aStoppedAndResumedRunEqualsTheUninterruptedOne(String weighting, @TempDir Path dir) throws Exception {
        Path whole = Runs.train(tiny(weighting), dir.resolve("whole"), false, List.of()).directory().root();

        StopRequest stop = new StopRequest();
        // Global step 5 is epoch 1's second step: the stop lands mid-epoch, after a DWA epoch end.
        TrainingStopped stopped = assertThrows(TrainingStopped.class,
                () -> Runs.train(tiny(weighting), dir.resolve("parts"), false, List.of(new StopAt(stop, 5)), stop));
        assertTrue(stop.await(java.time.Duration.ZERO).orElseThrow().contains("stopped"), "the stop is answered");
        assertEquals("step-000000006.ckpt", stopped.checkpoint().getFileName().toString());
        Path parts = dir.resolve("parts/tiny");
        assertFalse(Files.exists(parts.resolve("report.md")), "the run did not finish");

        Runs.ResumePoint point = Runs.resumePoint(parts);
        assertEquals(List.of(), Runs.configChanges(point.config(), tiny(weighting).config()));
        assertEquals(1, point.checkpoint().state().epoch());
        assertEquals(2, point.checkpoint().state().step());
        assertTrue(point.skipped().isEmpty());
        Runs.resume(tiny(weighting), point, List.of(), null);

        assertEquals(Files.readString(whole.resolve("metrics.csv")), Files.readString(parts.resolve("metrics.csv")));
        assertArrayEquals(Files.readAllBytes(whole.resolve("checkpoints/last.params")),
                Files.readAllBytes(parts.resolve("checkpoints/last.params")), "same final weights");
        assertArrayEquals(Files.readAllBytes(whole.resolve("checkpoints/best.params")),
                Files.readAllBytes(parts.resolve("checkpoints/best.params")), "same best weights");
        String provenance = Files.readString(parts.resolve("provenance.json"));
        assertTrue(provenance.contains("\"resumes\"") && provenance.contains("step-000000006.ckpt"), provenance);
        assertTrue(provenance.contains("\"finished\""), provenance);
    }

    @Test
    void keepsTheNewestCheckpointsOnlyAndFallsBackOverATruncatedOne(@TempDir Path dir) throws IOException {
        Path root = Runs.train(tiny("equal"), dir, false, List.of()).directory().root();
        List<Path> files = Checkpoints.list(root.resolve("checkpoints"));
        // 12 steps: step checkpoints at 3, 6, 9 and epoch ends at 4, 8, 12; keep-checkpoints 2 leaves 12 and 9.
        assertEquals(List.of("step-000000012.ckpt", "step-000000009.ckpt"),
                files.stream().map(f -> f.getFileName().toString()).toList());

        byte[] bytes = Files.readAllBytes(files.get(0));
        Files.write(files.get(0), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Runs.ResumePoint point = Runs.resumePoint(root);
        assertEquals(files.get(1), point.checkpoint().file(), "falls back to the previous checkpoint");
        assertEquals(1, point.skipped().size());
        assertTrue(point.skipped().get(0).contains("step-000000012.ckpt"), point.skipped().get(0));

        byte[] second = Files.readAllBytes(files.get(1));
        // A flipped byte inside the model's parameters (an arbitrary one could hit a header field zip ignores).
        int model = new String(second, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("model.params") + 1000;
        second[model] ^= 0x5A;
        Files.write(files.get(1), second);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Runs.resumePoint(root));
        assertTrue(none.getMessage().contains("step-000000012.ckpt") && none.getMessage().contains("step-000000009.ckpt"),
                none.getMessage());
    }

    @Test
    void refusesTheCheckpointOfAnotherModelNamingTheDifference(@TempDir Path dir) throws IOException {
        Path root = Runs.train(tiny("equal"), dir, false, List.of()).directory().root();
        Runs.ResumePoint point = Runs.resumePoint(root);
        ResolvedRun wider = TinyRuns.resolved("backbone.options={filters: [4, 8, 8, 8, 16]}");
        byte[] metrics = Files.readAllBytes(root.resolve("metrics.csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Runs.resume(wider, point, List.of(), null));
        assertTrue(e.getMessage().contains("different model") && e.getMessage().contains(point.checkpoint().file().toString()),
                e.getMessage());
        assertArrayEquals(metrics, Files.readAllBytes(root.resolve("metrics.csv")), "nothing was rewritten");
    }

    @Test
    void listsTheConfigurationChangesOfAResume(@TempDir Path dir) {
        Path root = Runs.train(tiny("equal"), dir, false, List.of()).directory().root();
        Runs.ResumePoint point = Runs.resumePoint(root);
        assertEquals(List.of(), Runs.configChanges(point.config(), tiny("equal").config()));
        List<String> changes = Runs.configChanges(point.config(), TinyRuns.resolved(
                "dataset.options.train-size=16", "training.batch-size=4", "training.epochs=5", "training.checkpoint-every-steps=3",
                "training.optimizer.learning-rate=5.0e-4", "name=other").config());
        assertEquals(List.of("training.epochs: 3 -> 5", "training.optimizer.learning-rate: 0.001 -> 5.0E-4"), changes);
    }
}
