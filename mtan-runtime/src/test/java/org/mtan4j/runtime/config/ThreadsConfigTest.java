package org.mtan4j.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtan4j.runtime.TinyRuns;

/** {@code training.threads}: 0 (all cores) by default, positive counts allowed, negatives refused by key path. */
class ThreadsConfigTest {

    @Test
    void defaultsToAllCores() {
        TrainingConfig training = TinyRuns.resolved().config().training();
        assertEquals(0, training.threads());
        assertEquals(Runtime.getRuntime().availableProcessors(), training.effectiveThreads());
    }

    @Test
    void takesAPositiveCount() {
        assertEquals(3, TinyRuns.resolved("training.threads=3").config().training().effectiveThreads());
    }

    @Test
    void refusesANegativeCountNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> TinyRuns.resolved("training.threads=-2"));
        assertTrue(e.getMessage().contains("training.threads") && e.getMessage().contains("-2"), e.getMessage());
    }
}
