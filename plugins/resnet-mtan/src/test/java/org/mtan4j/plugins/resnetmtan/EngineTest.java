package org.mtan4j.plugins.resnetmtan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of this module's engine tests: DJL offline, a manager per test, a fixed seed. */
abstract class EngineTest {

    static {
        // Before any engine starts: DJL must not reach the network.
        System.setProperty("ai.djl.offline", "true");
    }

    /** The test's manager, closed after it. */
    protected NDManager manager;

    @BeforeEach
    void openManager() {
        Engine.getInstance().setRandomSeed(42);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }
}
