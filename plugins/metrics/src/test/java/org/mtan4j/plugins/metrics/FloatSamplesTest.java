package org.mtan4j.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatSamplesTest {

    @Test
    void medianOfOddAndEvenCounts() {
        FloatSamples samples = new FloatSamples();
        assertTrue(Double.isNaN(samples.median()));
        samples.addAll(new float[] {5, 1, 3});
        assertEquals(3, samples.median());
        samples.addAll(new float[] {10});
        assertEquals(4, samples.median());
        samples.addAll(new float[] {3, 3});
        assertEquals(3, samples.median());
        samples.clear();
        samples.addAll(new float[] {-2.5f, 7});
        assertEquals(2.25, samples.median());
    }

    @Test
    void keysOrderFloatsNumerically() {
        float[] ordered = {Float.NEGATIVE_INFINITY, -3e38f, -1, -Float.MIN_VALUE, -0f, 0f, Float.MIN_VALUE, 1,
            1.0000001f, Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NaN};
        for (int i = 0; i < ordered.length; i++) {
            int key = FloatSamples.key(ordered[i]);
            assertEquals(Float.floatToIntBits(ordered[i]), Float.floatToIntBits(FloatSamples.fromKey(key)));
            if (i > 0) {
                assertTrue(Integer.compareUnsigned(FloatSamples.key(ordered[i - 1]), key) < 0, "order at " + i);
            }
        }
    }

    @Test
    void matchesASortedMedianAcrossChunks() {
        Random random = new Random(7);
        FloatSamples samples = new FloatSamples();
        int n = (1 << 20) + 12_345;
        float[] all = new float[n];
        int filled = 0;
        while (filled < n) {
            // Uneven batches that straddle the chunk boundary; coarse values give many duplicates.
            float[] batch = new float[Math.min(n - filled, 1 + random.nextInt(300_000))];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = Math.round(random.nextGaussian() * 1000) / 8f;
            }
            System.arraycopy(batch, 0, all, filled, batch.length);
            filled += batch.length;
            samples.addAll(batch);
        }
        Arrays.sort(all);
        assertEquals(n, samples.size());
        assertEquals(((double) all[(n - 1) / 2] + all[n / 2]) / 2, samples.median());
        samples.addAll(new float[] {1e9f});
        assertEquals(all[n / 2], samples.median());
    }
}
