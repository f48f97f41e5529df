package org.mtan4j.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.runtime.PluginRegistry;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunResolver;
import org.mtan4j.runtime.TinyRuns;

class ConfigValidationTest {

    private static ConfigException invalid(String... overrides) {
        return assertThrows(ConfigException.class, () -> TinyRuns.resolved(overrides));
    }

    @Test
    void theTinyConfigResolvesWithEveryDefaultWrittenOut() {
        ResolvedRun run = TinyRuns.resolved();
        assertEquals(List.of("semantic", "depth", "normal"), run.tasks().stream().map(t -> t.name()).toList());
        assertEquals(32, run.imageShape()[1]);
        assertTrue(run.config().backbone().options().containsKey("filters"), "backbone options resolved: " + run.config().backbone());
        assertEquals(List.of("cpu"), run.config().device());
        assertEquals(100, run.config().training().scheduler().stepSize());
    }

    @Test
    void unknownKeyNamesItsPathAndTheAllowedKeys() {
        ConfigException e = invalid("training.bach-size=4");
        assertEquals("training.bach-size", e.keyPath());
        assertTrue(e.getMessage().contains("batch-size"), e.getMessage());
    }

    @Test
    void unknownPluginOptionNamesItsPath() {
        ConfigException e = invalid("backbone.options.filterz=[1]");
        assertEquals("backbone.options.filterz", e.keyPath());
        assertTrue(e.getMessage().contains("filters"), e.getMessage());
    }

    @Test
    void wrongTypeNamesItsPath() {
        ConfigException e = invalid("training.epochs=many");
        assertEquals("training.epochs", e.keyPath());
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
    }

    @Test
    void unknownPluginNameListsWhatExists() {
        ConfigException e = invalid("backbone.name=segformer");
        assertEquals("backbone.name", e.keyPath());
        assertTrue(e.getMessage().contains("split"), e.getMessage());
        ConfigException w = invalid("weighting=magic");
        assertEquals("weighting.name", w.keyPath());
        assertTrue(w.getMessage().contains("equal"), w.getMessage());
    }

    @Test
    void imageSizeNotDivisibleBy32IsRefusedNamingTheKey() {
        ConfigException e = invalid("dataset.options.height=100", "dataset.options.width=100");
        assertEquals("dataset.options.height", e.keyPath());
        assertTrue(e.getMessage().contains("multiple of 32"), e.getMessage());
    }

    @Test
    void metricFormulaOptionsAndReportBaselinesAreChecked() {
        ResolvedRun run = TinyRuns.resolved("tasks.semantic.metrics=[{name: confusion-matrix, options: {formula: per-image}}]",
                "report.baselines.depth=runs/single-depth");
        assertEquals("per-image", run.config().tasks().get("semantic").metrics().get(0).options().get("formula"));
        assertEquals("exact", run.config().tasks().get("normal").metrics().get(0).options().get("median"), "defaults written out");
        assertEquals("runs/single-depth", run.config().report().baselines().get("depth"));
        ConfigException formula = invalid("tasks.semantic.metrics=[{name: confusion-matrix, options: {formula: mean}}]");
        assertEquals("tasks.semantic.metrics[0].options.formula", formula.keyPath(), "the option the record refused");
        assertTrue(formula.getMessage().contains("formula") && formula.getMessage().contains("per-image"), formula.getMessage());
        assertEquals("report.baselines.colour", invalid("report.baselines.colour=runs/x").keyPath());
    }

    @Test
    void badValuesAreRefused() {
        assertEquals("training.batch-size", invalid("training.batch-size=0").keyPath());
        assertEquals("training.optimizer.learning-rate", invalid("training.optimizer.learning-rate=-1").keyPath());
        assertEquals("device", invalid("device=tpu").keyPath());
        assertEquals("tasks.colour", invalid("tasks.colour.head=segnet-depth").keyPath());
        assertEquals("tasks.depth.head", invalid("tasks.depth.head=segnet-semantic").keyPath());
    }

    @Test
    void yamlWithDuplicateKeysOrTabsIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path duplicate = dir.resolve("dup.yaml");
        Files.writeString(duplicate, "name: a\nname: b\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(duplicate, List.of()));
        assertTrue(e.getMessage().startsWith(duplicate.toString()) && e.getMessage().contains("name"), e.getMessage());
        Path tabs = dir.resolve("tabs.yaml");
        Files.writeString(tabs, "training:\n\tepochs: 2\n");
        ConfigException t = assertThrows(ConfigException.class, () -> ConfigLoader.load(tabs, List.of()));
        assertTrue(t.getMessage().startsWith(tabs.toString()) && t.getMessage().contains("line"), t.getMessage());
    }

    @Test
    void overridesReadValuesAsYaml() {
        RunConfig config = TinyRuns.config("training.epochs=5", "device=[gpu:0, gpu:1]", "backbone.options.filters=[2, 2, 2, 2, 2]");
        assertEquals(5, config.training().epochs());
        assertEquals(List.of("gpu:0", "gpu:1"), config.device());
        assertEquals(List.of(2, 2, 2, 2, 2), config.backbone().options().get("filters"));
        ResolvedRun run = new RunResolver(PluginRegistry.discover()).resolve(config, "x");
        assertEquals(List.of("gpu:0", "gpu:1"), run.config().device());
    }
}
