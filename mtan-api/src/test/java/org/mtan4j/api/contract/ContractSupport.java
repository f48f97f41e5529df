package org.mtan4j.api.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mtan4j.api.PluginProvider;
import org.mtan4j.api.TaskSpec;

/**
 * Common ground of every contract: keeps DJL offline, gives each test its own {@link NDManager}
 * and a fixed engine seed.
 */
public abstract class ContractSupport {

    static {
        // Must hold before any engine starts: without it DJL contacts the network at start.
        System.setProperty("ai.djl.offline", "true");
    }

    /** The test's manager, closed after it. */
    protected NDManager manager;

    @BeforeEach
    void openManager() {
        Engine.getInstance().setRandomSeed(1234);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    /** A prediction in the layout a head of {@code task}'s kind outputs, for a batch of {@code n}. */
    protected NDArray prediction(TaskSpec task, int n, int height, int width) {
        return Fixtures.prediction(manager, task, n, height, width);
    }

    /** A valid target of {@code task} with some ignored entries. */
    protected NDArray target(TaskSpec task, int n, int height, int width) {
        return Fixtures.target(manager, task, n, height, width);
    }

    /** A provider has a name, a description and default options of its options type. */
    protected static void assertDescribesItself(PluginProvider<?> provider) {
        assertFalse(provider.name() == null || provider.name().isBlank(), "name");
        assertFalse(provider.description() == null || provider.description().isBlank(), "description");
        assertTrue(provider.optionsType().isInstance(provider.defaultOptions()), "defaultOptions() is an optionsType()");
    }

    /** A shape helper. */
    protected static Shape shape(long... dims) {
        return new Shape(dims);
    }
}
