package org.mtan4j.plugins.metrics;

import java.util.List;

/**
 * Options of the {@code normal-angle} metric; YAML key {@code median}.
 *
 * @param median how {@code angle-median} is formed: {@value #EXACT} (default), the median of every
 *     valid pixel's angle in the split, or {@value #PER_BATCH}, the paper code's mean over updates
 *     (batches) of each batch's median; the latter depends on the batching, so it is only for
 *     reproducing the paper's numbers
 */
public record NormalAngleOptions(String median) {

    /** The exact median over all valid pixels (the default). */
    public static final String EXACT = "exact";
    /** The mean of per-batch medians (the paper's code). */
    public static final String PER_BATCH = "per-batch";
    /** The allowed values. */
    public static final List<String> MEDIANS = List.of(EXACT, PER_BATCH);
    /** The default: {@value #EXACT}. */
    public static final NormalAngleOptions DEFAULTS = new NormalAngleOptions(EXACT);

    /**
     * Checks the value is known.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public NormalAngleOptions {
        if (!MEDIANS.contains(median)) {
            throw new IllegalArgumentException("median must be one of " + String.join(", ", MEDIANS) + ", got '" + median + "'");
        }
    }
}
