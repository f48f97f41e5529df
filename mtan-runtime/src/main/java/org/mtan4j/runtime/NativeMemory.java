package org.mtan4j.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How PyTorch's CPU tensors get their memory, set before the engine starts (Linux with glibc only;
 * elsewhere nothing is changed). Off with {@code -Dmtan.native-allocator=default}.
 *
 * <p>A SegNet step allocates and frees hundreds of tensors of tens of megabytes. With glibc's defaults
 * each one is a fresh {@code mmap} touched page by page (4 KB page faults, a third of a paper-width
 * step's CPU time in the kernel), and once the malloc threshold has adapted upwards, freed blocks below
 * 32 MB stay in the process's heaps, so the resident set keeps memory no tensor uses. Two settings,
 * neither of which changes a computed value:
 * <ul>
 *   <li>{@code THP_MEM_ALLOC_ENABLE=1}: PyTorch aligns allocations of 2 MB and more to 2 MB and asks the
 *       kernel for transparent huge pages ({@code madvise}), one page fault per 2 MB instead of 512;</li>
 *   <li>a fixed {@code mmap} threshold of 1 MB ({@code mallopt(M_MMAP_THRESHOLD)}): every block of 1 MB
 *       or more goes back to the kernel when freed, so the resident set follows the live tensors.</li>
 * </ul>
 */
final class NativeMemory {

    /** System property: {@code tuned} (the default) or {@code default} (glibc's and PyTorch's own settings). */
    static final String PROPERTY = "mtan.native-allocator";

    private static final Logger LOG = LoggerFactory.getLogger(NativeMemory.class);
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int MMAP_THRESHOLD_BYTES = 1 << 20;

    private static boolean configured;

    private NativeMemory() {
    }

    /** The C library calls used; bound on first use. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        int mallopt(int param, int value);
    }

    /**
     * Applies the settings of {@value #PROPERTY} once per JVM; must run before PyTorch allocates its
     * first tensor for the huge-page setting to count (PyTorch reads it once).
     *
     * @throws IllegalArgumentException if {@value #PROPERTY} is neither {@code tuned} nor {@code default}
     */
    static synchronized void configure() {
        if (!configured) {
            apply(System.getProperty(PROPERTY, "tuned"));
            configured = true;
        }
    }

    /**
     * Applies {@code mode}.
     *
     * @return whether the settings were made (false for {@code default}, off Linux or without glibc)
     * @throws IllegalArgumentException if {@code mode} is neither {@code tuned} nor {@code default}
     */
    static boolean apply(String mode) {
        String m = mode.toLowerCase(Locale.ROOT);
        if (!m.equals("tuned") && !m.equals("default")) {
            throw new IllegalArgumentException("system property " + PROPERTY + " must be 'tuned' or 'default', got '" + mode + "'");
        }
        if (m.equals("default") || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            LibC c = Native.load("c", LibC.class);
            // overwrite = 0: a value the user exported wins.
            boolean env = c.setenv("THP_MEM_ALLOC_ENABLE", "1", 0) == 0;
            boolean threshold = c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1;
            LOG.debug("native allocator: THP_MEM_ALLOC_ENABLE set {}, mmap threshold 1 MB set {}", env, threshold);
            return env && threshold;
        } catch (LinkageError | RuntimeException e) {
            // Not glibc (e.g. musl without mallopt): PyTorch's defaults stay.
            LOG.debug("native allocator left as it is: {}", e.toString());
            return false;
        }
    }
}
