package org.mtan4j.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ConfigLoader#blame}: an error at a value a {@code --set} put there names that option, not the file. */
class OverrideBlameTest {

    private static String source(String keyPath, String... overrides) {
        return ConfigLoader.blame(new ConfigException("run.yaml", keyPath, "bad"), List.of(overrides)).source();
    }

    @Test
    void theOverrideOfTheKeyOrOfAKeyAboveItIsBlamed() {
        assertEquals("--set training.epochs=x", source("training.epochs", "seed=2", "training.epochs=x"));
        assertEquals("--set backbone.options.filters=[4,4]", source("backbone.options.filters[1]", "backbone.options.filters=[4,4]"));
        assertEquals("--set dataset[*].options.root=/d", source("dataset[1].options.root", "dataset[*].options.root=/d"));
        assertEquals("--set tasks.edges.head=h", source("tasks.edges", "tasks.edges.head=h"), "the override made the faulty task");
        assertEquals("--set seed=3", source("seed", "seed=2", "seed=3"), "the last override of a key is the one in effect");
    }

    @Test
    void otherKeysStayTheFilesFault() {
        assertEquals("run.yaml", source("training.epochs", "training.batch-size=4", "training.epochs-max=3"));
        assertEquals("run.yaml", source("dataset[0].options.root", "dataset[1].options.root=/d"));
        assertEquals("run.yaml", source("", "seed=2"), "a whole-document error");
        assertEquals("run.yaml", source("tasks", "tasks.depth.head=segnet-depth"), "an error about all the tasks");
    }
}
