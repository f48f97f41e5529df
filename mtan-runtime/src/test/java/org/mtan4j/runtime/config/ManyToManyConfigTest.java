package org.mtan4j.runtime.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtan4j.runtime.PluginRegistry;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunResolver;
import org.mtan4j.runtime.TinyRuns;

/** A run with several datasets (many-to-many): how {@code dataset:} lists resolve, and every error naming its key path. */
class ManyToManyConfigTest {

    private static final String BASE = String.join("\n",
            "name: m2m",
            "dataset:",
            "  - {name: synthetic-shapes, options: {kind: colour}}",
            "  - {name: synthetic-shapes, options: {kind: shape}}",
            "tasks:",
            "  colour: {head: {name: linear, options: {pool: 0}}, metrics: [top1]}",
            "  shape: {head: {name: linear, options: {pool: 0}}, metrics: [top1]}",
            "backbone: {name: wrn-mtan, options: {depth: 10, widen: 1}}",
            "training:",
            "  optimizer: {name: sgd, learning-rate: 0.1, momentum: 0.9, nesterov: true}",
            "");

    private static ResolvedRun resolve(String yaml, String... overrides) {
        return new RunResolver(PluginRegistry.discover()).resolve(ConfigLoader.load(yaml, "m2m.yaml", List.of(overrides)), "m2m.yaml", false);
    }

    private static ConfigException invalid(String yaml, String... overrides) {
        return assertThrows(ConfigException.class, () -> resolve(yaml, overrides));
    }

    @Test
    void aListOfDatasetsGivesEachTaskItsSource() {
        ResolvedRun run = resolve(BASE);
        assertTrue(run.manyToMany());
        assertEquals(2, run.datasets().size());
        assertEquals(List.of(new ResolvedRun.TaskSource(0, 0), new ResolvedRun.TaskSource(1, 0)), run.taskSources());
        assertArrayEquals(new int[] {1}, run.tasksOf(1));
        assertEquals("in-turn", run.config().training().taskOrder(), "the default order is written out");
        assertThrows(IllegalStateException.class, run::dataset, "no single dataset");
    }

    @Test
    void theWrittenConfigResolvesToItselfWithEveryDefault() throws Exception {
        ResolvedRun run = resolve(BASE, "training.restarts=[{epoch: 10, skip-tasks: [colour]}]");
        assertEquals(0.1, run.config().training().restarts().get(0).learningRate(), "the restart's rate defaults to the optimiser's");
        String yaml = Yaml.mapper().writeValueAsString(run.config());
        assertTrue(yaml.contains("dataset:\n- name: synthetic-shapes"), yaml);
        assertEquals(yaml, Yaml.mapper().writeValueAsString(resolve(yaml).config()));
    }

    @Test
    void oneDatasetIsWrittenBackAsAMappingAsBefore() throws Exception {
        ResolvedRun run = TinyRuns.resolved();
        assertFalse(run.manyToMany());
        String yaml = Yaml.mapper().writeValueAsString(run.config());
        assertTrue(yaml.contains("\ndataset:\n  name: synthetic\n"), yaml);
        assertFalse(yaml.contains("task-order") || yaml.contains("restarts") || yaml.contains("momentum") || yaml.contains("train-on-val"),
                yaml);
        ResolvedRun again = new RunResolver(PluginRegistry.discover()).resolve(ConfigLoader.load(yaml, "config.yaml", List.of()), "config.yaml");
        assertEquals(yaml, Yaml.mapper().writeValueAsString(again.config()), "the written config resolves to itself");
    }

    @Test
    void errorsNameTheDatasetByItsIndex() {
        ConfigException option = invalid(BASE.replace("{kind: shape}", "{kind: shape, colour: red}"));
        assertEquals("dataset[1].options.colour", option.keyPath());
        ConfigException name = invalid(BASE.replace("{name: synthetic-shapes, options: {kind: shape}}", "{name: nope}"));
        assertEquals("dataset[1]", name.keyPath(), "as a metric in a list, the entry");
        assertTrue(name.getMessage().contains("synthetic-shapes"), name.getMessage());
        ConfigException same = invalid(BASE.replace("{kind: shape}", "{kind: colour}").replace("  shape: {head: {name: linear, options: {pool: 0}}, metrics: [top1]}\n", ""));
        assertEquals("dataset[1]", same.keyPath());
        assertTrue(same.getMessage().contains("distinct names"), same.getMessage());
        ConfigException size = invalid(BASE.replace("{kind: shape}", "{kind: shape, size: 40}"));
        assertEquals("dataset[1].options", size.keyPath());
        assertTrue(size.getMessage().contains("image shape"), size.getMessage());
    }

    @Test
    void setReachesOneListEntryOrEvery() {
        ResolvedRun one = resolve(BASE, "dataset[1].options.size=40", "dataset[1].options.size=32", "dataset[0].options.val-size=7");
        assertEquals(7, ((java.util.Map<?, ?>) one.config().datasets().get(0).options()).get("val-size"));
        ResolvedRun every = resolve(BASE, "dataset[*].options.train-size=9");
        every.config().datasets().forEach(d -> assertEquals(9, d.options().get("train-size")));
        ConfigException list = invalid(BASE, "dataset.options.size=40");
        assertEquals("dataset", list.keyPath());
        assertTrue(list.getMessage().contains("dataset[*]"), list.getMessage());
        ConfigException range = invalid(BASE, "dataset[2].options.size=40");
        assertEquals("dataset[2]", range.keyPath());
        assertTrue(range.getMessage().contains("0 to 1"), range.getMessage());
    }

    @Test
    void everyDatasetProvidesExactlyOneTask() {
        ConfigException unused = invalid(BASE.replace("  shape: {head: {name: linear, options: {pool: 0}}, metrics: [top1]}\n", ""));
        assertEquals("dataset[1]", unused.keyPath());
        ConfigException unknown = invalid(BASE.replace("  shape: {", "  shapes: {"));
        assertEquals("tasks.shapes", unknown.keyPath());
        assertTrue(unknown.getMessage().contains("colour, shape"), unknown.getMessage());
    }

    @Test
    void gradientLevelWeightingsAreRefusedNamingTheOnesThatWork() {
        ConfigException e = invalid(BASE, "weighting=pcgrad");
        assertEquals("weighting", e.keyPath());
        assertTrue(e.getMessage().contains("each batch carries one task") && e.getMessage().contains("equal")
                && e.getMessage().contains("dwa") && !e.getMessage().contains("mgda,"), e.getMessage());
        assertEquals("weighting", invalid(BASE, "weighting=uncertainty").keyPath(), "learned task parameters need every task's loss");
        assertEquals("dwa", resolve(BASE, "weighting=dwa").config().weighting().name());
    }

    @Test
    void trainingKeysOfManyToManyRuns() {
        ConfigException order = invalid(BASE, "training.task-order=shuffled");
        assertEquals("training.task-order", order.keyPath());
        assertTrue(order.getMessage().contains("in-turn, interleaved"), order.getMessage());
        ConfigException skip = invalid(BASE, "training.restarts=[{epoch: 10, skip-tasks: [imagenet12]}]");
        assertEquals("training.restarts[0].skip-tasks[0]", skip.keyPath());
        ConfigException all = invalid(BASE, "training.restarts=[{epoch: 10, skip-tasks: [colour, shape]}]");
        assertEquals("training.restarts[0].skip-tasks", all.keyPath());
        ConfigException late = invalid(BASE, "training.restarts=[{epoch: 500}]");
        assertEquals("training.restarts[0].epoch", late.keyPath());
        ConfigException devices = invalid(BASE, "device=[cpu, cpu]");
        assertTrue(devices.keyPath().startsWith("device"), devices.keyPath());
    }

    @Test
    void manyToManyKeysAreRefusedInOneDatasetRuns() {
        assertEquals("training.task-order", assertThrows(ConfigException.class, () -> TinyRuns.resolved("training.task-order=in-turn")).keyPath());
        assertEquals("training.restarts", assertThrows(ConfigException.class,
                () -> TinyRuns.resolved("training.restarts=[{epoch: 1}]")).keyPath());
        assertEquals("training.train-on-val", assertThrows(ConfigException.class,
                () -> TinyRuns.resolved("training.train-on-val=true")).keyPath());
    }

    @Test
    void optimiserNamesAndTheirKeys() {
        ConfigException name = invalid(BASE, "training.optimizer.name=rmsprop");
        assertEquals("training.optimizer.name", name.keyPath());
        assertTrue(name.getMessage().contains("adam, sgd"), name.getMessage());
        assertEquals("training.optimizer.betas", invalid(BASE, "training.optimizer.betas=[0.9, 0.99]").keyPath());
        assertEquals("training.optimizer.momentum", assertThrows(ConfigException.class,
                () -> TinyRuns.resolved("training.optimizer.momentum=0.9")).keyPath());
        assertEquals("training.optimizer.momentum", invalid(BASE, "training.optimizer.momentum=1.5").keyPath());
        assertEquals("training.optimizer.nesterov", invalid(BASE, "training.optimizer.momentum=0").keyPath());
        OptimizerConfig sgd = resolve(BASE).config().training().optimizer();
        assertEquals(0.9, sgd.momentum());
        assertEquals(Boolean.TRUE, sgd.nesterov());
        assertEquals(0.0, sgd.weightDecay());
    }
}
