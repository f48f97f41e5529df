package org.mtan4j.api.contract;

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
     * Collects garbage, waits for the freed native memory to be released, and allocates small direct
     * buffers (the size DJL uses for a number) filled with {@link #FILL}. Keep the result reachable
     * until the backward pass is over, or the memory may be freed again before it is read.
     */
    public static List<ByteBuffer> collectAndOverwrite() {
        System.gc();
        try {
            // Direct buffers are freed by the reference handler just after the collection.
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ByteBuffer> fillers = new ArrayList<>(FILLERS);
        for (int i = 0; i < FILLERS; i++) {
            ByteBuffer filler = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
            for (int at = 0; at < 16; at += 4) {
                filler.putFloat(at, FILL);
            }
            fillers.add(filler);
        }
        return fillers;
    }
}
