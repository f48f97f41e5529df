package org.mtan4j.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How PyTorch's CPU tensors get their memory, chosen with the system property {@value #PROPERTY} before
 * the engine starts (Linux with glibc only; elsewhere nothing is changed). No mode changes a computed
 * value; they trade memory for speed.
 *
 * <p>A SegNet step allocates and frees hundreds of tensors of tens of megabytes. Memory fresh from the
 * kernel must be zeroed page by page at first touch (a quarter of a paper-width step's CPU time went to
 * the kernel's page clearing), whereas memory kept in the process's heap is reused as it is. Modes:
 * <ul>
 *   <li>{@code fast} (the default): transparent huge pages, no {@code mmap} for blocks
 *       ({@code M_MMAP_MAX = 0}), no trimming of the heap's top ({@code M_TRIM_THRESHOLD} at its
 *       maximum) and one malloc arena for threads that allocate for the first time from now on
 *       ({@code M_ARENA_MAX = 1}): freed tensors stay in the heap and the next step reuses them without
 *       page faults. On the paper's four NYUv2 models steps were 30-40% shorter and the peak resident set
 *       8-24% larger than with {@code lean}; the resident set no longer falls between steps, but it does
 *       not grow over a run either (README, "Benchmarks"). Threads already running keep their arenas;
 *       exporting {@code MALLOC_ARENA_MAX=1} before the JVM starts puts every thread on one arena, which
 *       shortens steps further.</li>
 *   <li>{@code lean}: PyTorch's transparent huge pages ({@code THP_MEM_ALLOC_ENABLE=1}, one page fault
 *       per 2 MB instead of 512) and a fixed {@code mmap} threshold of 1 MB
 *       ({@code mallopt(M_MMAP_THRESHOLD)}), so every block of 1 MB or more goes back to the kernel when
 *       freed and the resident set follows the live tensors: the smallest peak, for a machine short of
 *       memory, at the price of page clearing in every step.</li>
 *   <li>{@code default}: glibc's and PyTorch's own settings.</li>
 * </ul>
 */
final class NativeMemory {

    /** System property: {@code fast} (the default), {@code lean} or {@code default}. */
    static final String PROPERTY = "mtan.native-allocator";

    /** The mode when the property is not set. */
    static final String DEFAULT_MODE = "fast";

    private static final Logger LOG = LoggerFactory.getLogger(NativeMemory.class);
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int M_MMAP_MAX = -4;
    private static final int M_ARENA_MAX = -8;
    private static final int MMAP_THRESHOLD_BYTES = 1 << 20;

    private static String applied;

    private NativeMemory() {
    }

    /** The C library calls used; bound on first use. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        int mallopt(int param, int value);
    }

    /**
     * Applies the mode of {@value #PROPERTY} once per JVM; must run before PyTorch allocates its first
     * tensor for the huge-page setting to count (PyTorch reads it once).
     *
     * @throws IllegalArgumentException if {@value #PROPERTY} names no mode
     */
    static synchronized void configure() {
        if (applied == null) {
            String mode = System.getProperty(PROPERTY, DEFAULT_MODE);
            applied = apply(mode) ? mode.toLowerCase(Locale.ROOT) : "default";
        }
    }

    /** The mode in effect: {@code fast}, {@code lean} or {@code default} (also when nothing could be set); null before {@link #configure()}. */
    static synchronized String applied() {
        return applied;
    }

    /**
     * Applies {@code mode}.
     *
     * @return whether the settings were made (false for {@code default}, off Linux or without glibc)
     * @throws IllegalArgumentException if {@code mode} is not {@code fast}, {@code lean} or {@code default}
     */
    static boolean apply(String mode) {
        String m = mode.toLowerCase(Locale.ROOT);
        if (!m.equals("lean") && !m.equals("fast") && !m.equals("default")) {
            throw new IllegalArgumentException("system property " + PROPERTY + " must be 'fast', 'lean' or 'default', got '" + mode + "'");
        }
        if (m.equals("default") || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            LibC c = Native.load("c", LibC.class);
            // overwrite = 0: a value the user exported wins.
            boolean env = c.setenv("THP_MEM_ALLOC_ENABLE", "1", 0) == 0;
            boolean blocks = m.equals("lean")
                    ? c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1
                    : c.mallopt(M_MMAP_MAX, 0) == 1 & c.mallopt(M_TRIM_THRESHOLD, Integer.MAX_VALUE) == 1
                            & c.mallopt(M_ARENA_MAX, 1) == 1;
            LOG.debug("native allocator {}: THP_MEM_ALLOC_ENABLE set {}, mallopt set {}", m, env, blocks);
            return env && blocks;
        } catch (LinkageError | RuntimeException e) {
            // Not glibc (e.g. musl without mallopt): PyTorch's defaults stay.
            LOG.debug("native allocator left as it is: {}", e.toString());
            return false;
        }
    }
}
