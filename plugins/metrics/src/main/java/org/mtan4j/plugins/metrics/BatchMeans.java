package org.mtan4j.plugins.metrics;

import java.util.Arrays;

/**
 * Per-batch averaging ({@link org.mtan4j.api.MetricAveraging#PER_BATCH}): the running sums of each
 * batch's own values and how many batches gave them, in double precision.
 */
final class BatchMeans {

    private final double[] sums;
    private long batches;

    /** Room for {@code values} values per batch. */
    BatchMeans(int values) {
        this.sums = new double[values];
    }

    /** Adds one batch's values, in the order every batch gives them. */
    void add(double... values) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += values[i];
        }
        batches++;
    }

    /** The mean over batches of value {@code i}; NaN before any batch. */
    double mean(int i) {
        return MetricSupport.ratio(sums[i], batches);
    }

    /** Forgets every batch. */
    void clear() {
        Arrays.fill(sums, 0);
        batches = 0;
    }
}
