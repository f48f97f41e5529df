package org.mtan4j.api;

import java.util.List;

/**
 * How a metric forms its values over a split's batches: the YAML option {@code averaging}, with one
 * name and the same values for every metric that offers the choice, so that a config,
 * {@code mtan plugins} and the reports say it the same way. The record is the whole options type of
 * a metric whose only option it is ({@code depth-error}, {@code top1}); other metrics take
 * {@link #perBatch(String)} into their own options.
 *
 * <ul>
 *   <li>{@value #POOLED}: every counted unit of the split (a valid pixel, a sample) counts once, in
 *       one value over all of them; the result does not depend on the batching.</li>
 *   <li>{@value #PER_BATCH}: each batch's own value over its own counted units, then the plain mean of
 *       those values over the batches that counted any unit: every such batch weighs the same, the
 *       last, smaller one too. This is how the MTAN paper's code averages its depth, surface-normal and
 *       decathlon accuracy numbers (lorenmt/mtan {@code im2im_pred/utils.py}: {@code depth_error} and
 *       {@code normal_error} per batch, each added as {@code value / len(test_loader)};
 *       {@code visual_decathlon/model_wrn_mtan.py}: each batch's {@code correct / batch size} added the
 *       same way). The result depends on the batch size: the one deliberate exception to the
 *       {@link Metric} contract.</li>
 * </ul>
 *
 * @param averaging {@value #POOLED} (default) or {@value #PER_BATCH}
 */
public record MetricAveraging(String averaging) {

    /** The YAML option's name. */
    public static final String OPTION = "averaging";
    /** One value over every counted unit of the split (the default). */
    public static final String POOLED = "pooled";
    /** The mean over batches of each batch's own value (the paper's code). */
    public static final String PER_BATCH = "per-batch";
    /** The allowed values. */
    public static final List<String> VALUES = List.of(POOLED, PER_BATCH);
    /** The default: {@value #POOLED}. */
    public static final MetricAveraging DEFAULT = new MetricAveraging(POOLED);

    /**
     * Checks the value is known.
     *
     * @throws IllegalArgumentException as {@link #perBatch(String)}
     */
    public MetricAveraging {
        perBatch(averaging);
    }

    /** Whether values are averaged per batch. */
    public boolean perBatch() {
        return PER_BATCH.equals(averaging);
    }

    /**
     * Whether {@code averaging} asks for per-batch averaging.
     *
     * @throws IllegalArgumentException starting with the option's name and listing the allowed values,
     *     when {@code averaging} is not one of them
     */
    public static boolean perBatch(String averaging) {
        if (!VALUES.contains(averaging)) {
            throw new IllegalArgumentException(OPTION + " must be one of " + String.join(", ", VALUES) + ", got '" + averaging + "'");
        }
        return PER_BATCH.equals(averaging);
    }
}
