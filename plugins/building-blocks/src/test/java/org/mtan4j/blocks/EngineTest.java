package org.mtan4j.blocks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the engine tests of the building blocks and of the network plugins (their test-jar dependency):
 * DJL offline, a manager per test, a fixed seed.
 */
public abstract class EngineTest {

    static {
        // Before any engine starts: DJL must not reach the network.
        System.setProperty("ai.djl.offline", "true");
    }

    /** The test's manager, closed after it. */
    protected NDManager manager;

    @BeforeEach
    protected void openManager() {
        Engine.getInstance().setRandomSeed(42);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    protected void closeManager() {
        manager.close();
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
