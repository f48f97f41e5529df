package org.mtan4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The allocator settings: named modes only; on Linux with glibc the modes take effect, fast by default. */
class NativeMemoryTest {

    @Test
    void unknownModeIsRefusedNamingTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeMemory.apply("quick"));
        assertTrue(e.getMessage().contains(NativeMemory.PROPERTY) && e.getMessage().contains("quick"), e.getMessage());
    }

    @Test
    void defaultChangesNothing() {
        assertFalse(NativeMemory.apply("default"));
    }

    @Test
    void leanAndFastTakeEffectOnLinux() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        assertTrue(!linux || NativeMemory.apply("lean"), "mallopt and setenv of glibc");
        assertTrue(!linux || NativeMemory.apply("fast"), "mallopt and setenv of glibc");
    }

    @Test
    void theModeInEffectIsKnownOnceConfiguredAndIsFastUnlessChosen() {
        NativeMemory.configure();
        assertTrue(java.util.List.of("lean", "fast", "default").contains(NativeMemory.applied()), NativeMemory.applied());
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (linux && System.getProperty(NativeMemory.PROPERTY) == null) {
            assertEquals("fast", NativeMemory.applied());
        }
    }
}
