package org.mtan4j.runtime.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.runtime.Runs;
import org.mtan4j.runtime.TinyRuns;
import org.mtan4j.runtime.config.ConfigLoader;
import org.mtan4j.runtime.config.RunConfig;

class TrainingRunTest {

    @Test
    void writesTheRunDirectoryAndTheSameSeedGivesByteIdenticalMetrics(@TempDir Path dir) throws Exception {
        Runs.Outcome first = Runs.train(TinyRuns.resolved(), dir.resolve("a"), false, List.of());
        Runs.Outcome second = Runs.train(TinyRuns.resolved(), dir.resolve("b"), false, List.of());
        Path a = first.directory().root();
        for (String file : List.of("config.yaml", "provenance.json", "metrics.csv", "report.md", "checkpoints/last.params", "checkpoints/best.params")) {
            assertTrue(Files.isRegularFile(a.resolve(file)), file);
        }
        byte[] metrics = Files.readAllBytes(a.resolve("metrics.csv"));
        assertArrayEquals(metrics, Files.readAllBytes(second.directory().root().resolve("metrics.csv")), "same seed, same metrics.csv");
        assertArrayEquals(Files.readAllBytes(a.resolve("checkpoints/last.params")),
                Files.readAllBytes(second.directory().root().resolve("checkpoints/last.params")), "same seed, same weights");
        List<String> rows = Files.readAllLines(a.resolve("metrics.csv"));
        assertEquals("epoch,split,task,metric,value,higher-is-better", rows.get(0));
        assertTrue(rows.contains("1,train,depth,weight,1.0,"), "task weights are recorded, without a direction");
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("2,val,depth,abs-error,") && r.endsWith(",false")), "directions are recorded");
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("2,val,semantic,miou,")), "epoch 2 validation mIoU");
        assertTrue(rows.stream().skip(1).noneMatch(r -> r.startsWith("0,")), "epochs are counted from 1");
        assertEquals(2, first.result().epochs().size());
        assertEquals(org.mtan4j.runtime.Engines.nativeAllocator(), org.mtan4j.runtime.config.Yaml.json()
                .readTree(a.resolve("provenance.json").toFile()).path("native-allocator").asText(), "the allocator mode is recorded");

        // The written config reproduces the run.
        RunConfig written = ConfigLoader.load(a.resolve("config.yaml"), List.of());
        assertEquals(first.directory().root().getFileName().toString(), written.name());
        Runs.Outcome replay = Runs.train(new org.mtan4j.runtime.RunResolver(org.mtan4j.runtime.PluginRegistry.discover())
                .resolve(written, "config.yaml"), dir.resolve("c"), false, List.of());
        assertArrayEquals(metrics, Files.readAllBytes(replay.directory().root().resolve("metrics.csv")), "the resolved config reproduces the run");
    }

    @Test
    void anotherSeedGivesOtherMetrics(@TempDir Path dir) throws Exception {
        Path a = Runs.train(TinyRuns.resolved(), dir.resolve("a"), false, List.of()).directory().root();
        Path b = Runs.train(TinyRuns.resolved("seed=4"), dir.resolve("b"), false, List.of()).directory().root();
        assertFalse(Files.readString(a.resolve("metrics.csv")).equals(Files.readString(b.resolve("metrics.csv"))));
    }

    @Test
    void refusesToOverwriteARunUnlessForced(@TempDir Path dir) {
        Runs.train(TinyRuns.resolved("training.epochs=1"), dir, false, List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Runs.train(TinyRuns.resolved("training.epochs=1"), dir, false, List.of()));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        Runs.train(TinyRuns.resolved("training.epochs=1"), dir, true, List.of());
    }

    @Test
    void aNonFiniteCombinedLossStopsTheRunAndKeepsTheLastCheckpoint(@TempDir Path dir) throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Runs.train(TinyRuns.resolved("weighting=test-non-finite-loss"), dir, false, List.of()));
        assertTrue(e.getMessage().contains("'test-non-finite-loss'") && e.getMessage().contains("step 2"), e.getMessage());
        Path last = dir.resolve("tiny/checkpoints/last.params");
        assertTrue(Files.size(last) > 0, "the checkpoint of epoch 1 is intact");
        assertTrue(Files.readAllLines(dir.resolve("tiny/metrics.csv")).stream().noneMatch(r -> r.startsWith("2,")), "no row of the failed epoch");
    }

    @Test
    void aNonFiniteGradientStopsTheRunNamingTheParameterAndTheRunCanResumeFromTheLastCheckpoint(@TempDir Path dir) throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Runs.train(TinyRuns.resolved("weighting=test-non-finite-gradient"), dir, false, List.of()));
        assertTrue(e.getMessage().contains("the gradient of parameter '") && e.getMessage().contains("step 2")
                && e.getMessage().contains("not updated"), e.getMessage());
        // Epoch 1 ended at step 2 with a resumable checkpoint; resuming with another weighting (the user's call) finishes.
        Runs.ResumePoint point = Runs.resumePoint(dir.resolve("tiny"));
        assertEquals("step-000000002.ckpt", point.checkpoint().file().getFileName().toString());
        org.mtan4j.runtime.ResolvedRun fixed = TinyRuns.resolved("weighting=equal");
        assertEquals(List.of("weighting.name: test-non-finite-gradient -> equal"), Runs.configChanges(point.config(), fixed.config()));
        Runs.resume(fixed, point, List.of(), null);
        assertTrue(Files.readAllLines(dir.resolve("tiny/metrics.csv")).stream().anyMatch(r -> r.startsWith("2,val,")));
    }
}
