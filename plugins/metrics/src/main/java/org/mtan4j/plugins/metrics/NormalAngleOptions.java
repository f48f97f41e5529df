package org.mtan4j.plugins.metrics;

import java.util.List;
import org.mtan4j.api.MetricAveraging;

/**
 * Options of the {@code normal-angle} metric; YAML keys {@code averaging} and {@code median}.
 *
 * @param averaging how every value is formed: {@value MetricAveraging#POOLED} (default), over every
 *     valid pixel of the split (the median exact), or {@value MetricAveraging#PER_BATCH}, each batch's
 *     mean, median and within-t fractions over its own valid pixels, then each averaged over the
 *     batches (the paper's code)
 * @param median how {@code angle-median} is formed when the averaging is pooled: {@value #EXACT}
 *     (default), the median of every valid pixel's angle in the split, or {@value #PER_BATCH}, the mean
 *     of per-batch medians with the other values still pooled (what {@code median: per-batch} meant
 *     before {@code averaging} existed; kept so that such configs give the same numbers). With
 *     {@code averaging: per-batch} the median is per batch like every value, and this key reads
 *     {@value #PER_BATCH} whatever was written
 */
public record NormalAngleOptions(String averaging, String median) {

    /** The exact median over all valid pixels (the default). */
    public static final String EXACT = "exact";
    /** The mean of per-batch medians (the paper's code). */
    public static final String PER_BATCH = MetricAveraging.PER_BATCH;
    /** The allowed medians. */
    public static final List<String> MEDIANS = List.of(EXACT, PER_BATCH);
    /** The default: pooled, the median {@value #EXACT}. */
    public static final NormalAngleOptions DEFAULTS = new NormalAngleOptions(MetricAveraging.POOLED, EXACT);

    /**
     * Checks the values are known; under per-batch averaging the median is per batch too.
     *
     * @throws IllegalArgumentException naming the option and its allowed values
     */
    public NormalAngleOptions {
        boolean perBatch = MetricAveraging.perBatch(averaging);
        if (!MEDIANS.contains(median)) {
            throw new IllegalArgumentException("median must be one of " + String.join(", ", MEDIANS) + ", got '" + median + "'");
        }
        if (perBatch) {
            median = PER_BATCH;
        }
    }

    /** Whether every value is averaged per batch. */
    boolean perBatch() {
        return MetricAveraging.perBatch(averaging);
    }

    /** Whether the median is the mean of per-batch medians (per-batch averaging, or the median alone). */
    boolean perBatchMedian() {
        return PER_BATCH.equals(median);
    }
}
