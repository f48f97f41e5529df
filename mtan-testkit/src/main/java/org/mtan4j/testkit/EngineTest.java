package org.mtan4j.testkit;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of tests that run on the engine: keeps DJL offline, gives each test its own {@link NDManager}
 * and sets the engine's random seed before it. Every contract extends it; a plugin's other engine tests
 * may too.
 */
public abstract class EngineTest {

    static {
        // Must hold before any engine starts: without it DJL contacts the network at start.
        System.setProperty("ai.djl.offline", "true");
    }

    /** The test's manager, closed after it. */
    protected NDManager manager;

    @BeforeEach
    protected void openManager() {
        Engine.getInstance().setRandomSeed(engineSeed());
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    protected void closeManager() {
        manager.close();
    }

    /** The engine's random seed, set before each test: 42 unless a subclass says otherwise. */
    protected int engineSeed() {
        return 42;
    }

    /** An array's values as floats, row-major. */
    protected static float[] floats(NDArray array) {
        return array.toFloatArray();
    }

    /** An integer array's values as longs, row-major. */
    protected static long[] longs(NDArray array) {
        return array.toLongArray();
    }
}
