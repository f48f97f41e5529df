package org.mtan4j.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.mtan4j.api.PluginProvider;
import org.mtan4j.api.TaskSpec;

/**
 * Common ground of every contract: an {@link EngineTest} (DJL offline, a manager per test) with the
 * contracts' engine seed, and the fixtures and checks the contracts share.
 */
public abstract class ContractSupport extends EngineTest {

    /** The contracts' engine seed, set before each test. */
    @Override
    protected int engineSeed() {
        return 1234;
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
