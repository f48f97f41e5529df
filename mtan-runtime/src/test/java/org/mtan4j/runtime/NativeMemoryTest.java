package org.mtan4j.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The allocator settings: named modes only; on Linux with glibc the tuned mode takes effect. */
class NativeMemoryTest {

    @Test
    void unknownModeIsRefusedNamingTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeMemory.apply("fast"));
        assertTrue(e.getMessage().contains(NativeMemory.PROPERTY) && e.getMessage().contains("fast"), e.getMessage());
    }

    @Test
    void defaultChangesNothing() {
        assertFalse(NativeMemory.apply("default"));
    }

    @Test
    void tunedTakesEffectOnLinux() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        assertTrue(!linux || NativeMemory.apply("tuned"), "mallopt and setenv of glibc");
    }
}
