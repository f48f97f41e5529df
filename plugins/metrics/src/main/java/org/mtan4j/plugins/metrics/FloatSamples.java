package org.mtan4j.plugins.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * A growable store of floats with an exact, non-destructive median.
 *
 * <p>The NYUv2 test split has up to 72 million valid normal pixels, so values live in fixed 4 MiB
 * chunks: growing never copies, and no single huge array is needed. The median is found by a radix
 * selection on the floats' order-preserving bit keys: one pass counts the high 16 bits of every key,
 * a second pass counts the low 16 bits inside the one bucket that holds the wanted rank. That is
 * linear, exact, and leaves the values untouched (a quickselect would need them in one array).
 */
final class FloatSamples {

    private static final int CHUNK_BITS = 20;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int RADIX = 1 << 16;

    private final List<float[]> chunks = new ArrayList<>();
    private long size;

    /** Appends every value of {@code values}. */
    void addAll(float[] values) {
        int from = 0;
        while (from < values.length) {
            int offset = (int) (size & (CHUNK - 1));
            if (offset == 0 && chunks.size() == size >>> CHUNK_BITS) {
                chunks.add(new float[CHUNK]);
            }
            int n = Math.min(values.length - from, CHUNK - offset);
            System.arraycopy(values, from, chunks.get((int) (size >>> CHUNK_BITS)), offset, n);
            from += n;
            size += n;
        }
    }

    /** How many values are stored. */
    long size() {
        return size;
    }

    /** Forgets every value. */
    void clear() {
        chunks.clear();
        size = 0;
    }

    /**
     * The exact median, as {@code numpy.median} defines it: the middle value for an odd count, the
     * mean of the two middle values for an even one; NaN when empty. NaN values sort last.
     */
    double median() {
        if (size == 0) {
            return Double.NaN;
        }
        long[] high = new long[RADIX];
        forEachKey(key -> high[key >>> 16]++);
        long lowerRank = (size - 1) / 2;
        long upperRank = size / 2;
        float lower = select(lowerRank, high);
        float upper = upperRank == lowerRank ? lower : select(upperRank, high);
        return ((double) lower + upper) / 2;
    }

    /** The value of rank {@code rank} (from 0) in sorted order, given the histogram of high halves. */
    private float select(long rank, long[] high) {
        int bucket = 0;
        long before = 0;
        while (before + high[bucket] <= rank) {
            before += high[bucket++];
        }
        final int wanted = bucket;
        long[] low = new long[RADIX];
        forEachKey(key -> {
            if (key >>> 16 == wanted) {
                low[key & 0xFFFF]++;
            }
        });
        int bits = 0;
        while (before + low[bits] <= rank) {
            before += low[bits++];
        }
        return fromKey(wanted << 16 | bits);
    }

    private interface KeyConsumer {
        void accept(int key);
    }

    private void forEachKey(KeyConsumer consumer) {
        for (int c = 0; c < chunks.size(); c++) {
            float[] chunk = chunks.get(c);
            int n = (int) Math.min(CHUNK, size - ((long) c << CHUNK_BITS));
            for (int i = 0; i < n; i++) {
                consumer.accept(key(chunk[i]));
            }
        }
    }

    /**
     * Maps a float to an int whose unsigned order is the float's numeric order: non-negative floats
     * get their sign bit set, negative ones have every bit flipped. NaN is canonical and sorts last.
     */
    static int key(float value) {
        int bits = Float.floatToIntBits(value);
        return bits >= 0 ? bits ^ 0x8000_0000 : ~bits;
    }

    /** The inverse of {@link #key}. */
    static float fromKey(int key) {
        return Float.intBitsToFloat(key < 0 ? key ^ 0x8000_0000 : ~key);
    }
}
