package org.mtan4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The test JVMs start DJL offline, from the native library on the class path. */
class EngineOfflineTest {

    @Test
    void engineStartsOfflineFromTheBundledNativeLibrary() {
        assertEquals("true", System.getProperty("ai.djl.offline"), "surefire must set ai.djl.offline=true");
        Engine engine = Engine.getInstance();
        assertEquals("PyTorch", engine.getEngineName());
        try (NDManager manager = NDManager.newBaseManager()) {
            assertEquals(6f, manager.create(new float[] {1, 2, 3}).sum().getFloat());
        }
    }
}
