package org.mtan4j.testkit;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a garbage collection happen where a plugin's arithmetic could be hurt by one: between the
 * forward and the backward pass. A Java direct buffer that an engine array still reads is freed by the
 * collection and its memory handed out again, filled with {@link #FILL}, so a gradient computed from
 * such memory comes out wrong and the contract's comparison with an undisturbed run fails. See
 * {@link org.mtan4j.api.nd.Scalars} for the usual cause.
 */
public final class FreedMemory {

    /** What the reused memory holds: a value no test problem produces by chance. */
    public static final float FILL = 7f;

    private static final int FILLERS = 4096;

    private FreedMemory() {
    }

    /**
     * Runs {@code work} (usually a backward pass); first, when {@code collectFirst}, collects garbage,
     * waits until the native memory it freed is released, and takes that memory again with small direct
     * buffers (the size DJL uses for a number) filled with {@link #FILL}, held until {@code work} returns.
     */
    public static void run(boolean collectFirst, Runnable work) {
        if (!collectFirst) {
            work.run();
            return;
        }
        System.gc();
        awaitReleases();
        List<ByteBuffer> fillers = new ArrayList<>(FILLERS);
        for (int i = 0; i < FILLERS; i++) {
            ByteBuffer filler = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
            for (int at = 0; at < 16; at += 4) {
                filler.putFloat(at, FILL);
            }
            fillers.add(filler);
        }
        work.run();
        Reference.reachabilityFence(fillers);
    }

    /**
     * Direct buffers are released by the reference handler after the collection, not during it: waits
     * at least 20 ms, and while the number of direct buffers still changes (up to a second).
     */
    private static void awaitReleases() {
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .findFirst()
                .orElse(null);
        long start = System.nanoTime();
        long last = direct == null ? 0 : direct.getCount();
        try {
            while (true) {
                Thread.sleep(10);
                long count = direct == null ? 0 : direct.getCount();
                long elapsed = System.nanoTime() - start;
                if (elapsed >= 1_000_000_000L || (count == last && elapsed >= 20_000_000L)) {
                    return;
                }
                last = count;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
