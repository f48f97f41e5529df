package org.mtan4j.runtime.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.runtime.PluginRegistry;
import org.mtan4j.runtime.RunResolver;
import org.mtan4j.runtime.TinyRuns;
import org.mtan4j.runtime.config.ConfigException;
import org.mtan4j.runtime.config.ConfigLoader;
import org.mtan4j.runtime.config.RunConfig;

class SweepTest {

    private static final RunResolver RESOLVER = new RunResolver(PluginRegistry.discover());

    private static SweepConfig sweep(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, yaml);
        return Sweep.load(file);
    }

    @Test
    void expandsEveryCombinationFirstKeyOutermost(@TempDir Path dir) throws Exception {
        SweepConfig config = sweep(dir, String.join("\n",
                "name: g",
                "base: tiny.yaml",
                "set: [training.epochs=1]",
                "grid:",
                "  backbone.options.filters: [[4, 8, 8, 8, 8], [8, 8, 8, 8, 8]]",
                "  seed: [1, 2, 3]",
                ""));
        List<Sweep.PlannedRun> runs = Sweep.plan(config, TinyRuns.YAML, "tiny.yaml", dir.resolve("g"), RESOLVER);
        assertEquals(6, runs.size());
        assertEquals("tiny-filters1-seed1", runs.get(0).name());
        assertEquals("tiny-filters2-seed3", runs.get(5).name());
        RunConfig last = ConfigLoader.load(runs.get(5).config(), List.of());
        assertEquals(3L, last.seed());
        assertEquals(List.of(8, 8, 8, 8, 8), last.backbone().options().get("filters"));
        assertEquals(1, last.training().epochs(), "the set overrides apply to every run");
        assertEquals(dir.resolve("g/runs").toString(), last.output());
        assertEquals(7, Files.readAllLines(dir.resolve("g/manifest.csv")).size());
        assertEquals(runs.get(2).config().toString(), Files.readAllLines(dir.resolve("g/configs.txt")).get(2));
    }

    @Test
    void aBadGridValueFailsWhenPlanningNamingTheRun(@TempDir Path dir) throws Exception {
        SweepConfig config = sweep(dir, "name: g\nbase: tiny.yaml\ngrid:\n  weighting: [equal, magic]\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> Sweep.plan(config, TinyRuns.YAML, "tiny.yaml", dir.resolve("g"), RESOLVER));
        assertTrue(e.getMessage().contains("tiny-magic") && e.getMessage().contains("weighting"), e.getMessage());
    }

    @Test
    void refusesSweepFilesWithoutBaseOrWithUnknownKeys(@TempDir Path dir) {
        assertEquals("base", assertThrows(ConfigException.class, () -> sweep(dir, "name: g\ngrid: {seed: [1]}\n")).keyPath());
        assertEquals("grids", assertThrows(ConfigException.class, () -> sweep(dir, "base: x.yaml\ngrids: {seed: [1]}\n")).keyPath());
        assertEquals("grid.seed", assertThrows(ConfigException.class, () -> sweep(dir, "base: x.yaml\ngrid: {seed: []}\n")).keyPath());
    }

    @Test
    void duplicateGridPointsAreRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        // The same value twice: the same run name.
        SweepConfig twice = sweep(dir, "name: g\nbase: tiny.yaml\ngrid:\n  seed: [1, 2, 1]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Sweep.plan(twice, TinyRuns.YAML, "tiny.yaml", dir.resolve("g"), RESOLVER));
        assertTrue(e.getMessage().contains("tiny-seed1"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("g")), "nothing written");
        // Two spellings of one value: other names, the same configuration.
        SweepConfig spelled = sweep(dir, "name: g\nbase: tiny.yaml\ngrid:\n  weighting: [dwa, equal, {name: equal}]\n");
        e = assertThrows(ConfigException.class, () -> Sweep.plan(spelled, TinyRuns.YAML, "tiny.yaml", dir.resolve("g"), RESOLVER));
        assertTrue(e.getMessage().contains("'tiny-equal' and 'tiny-weighting3' give the same configuration"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("g")), "nothing written");
    }
}
