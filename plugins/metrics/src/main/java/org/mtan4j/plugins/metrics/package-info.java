/**
 * The bundled evaluation metrics of the paper's NYUv2 table (models.md, "Losses, metrics, training"):
 * {@code confusion-matrix} (mIoU and pixel accuracy) for segmentation, {@code depth-error} (absolute
 * and relative error) for depth, and {@code normal-angle} (mean and median angle, fractions within
 * 11.25, 22.5 and 30 degrees) for surface normals.
 *
 * <p>By default every metric accumulates over all pixels of all updates since its last reset, so its
 * result does not depend on the order or the batching of the updates (the {@link org.mtan4j.api.Metric}
 * contract). The paper's code instead forms the depth errors and every normal-angle value per batch
 * and then averages the batch values; {@code depth-error} and {@code normal-angle} reproduce that with
 * {@code averaging: per-batch} ({@link org.mtan4j.api.MetricAveraging}; the default is
 * {@code pooled}). When every batch has the same number of valid pixels the means and fractions of
 * the two agree (a mean of medians is still not the median); otherwise the pooled value is the
 * batch-independent one and the per-batch value the paper's.
 *
 * <p>Two further options reproduce other formulas of the paper's code: {@code confusion-matrix} with
 * {@code formula: per-image} (per-image mIoU over the classes present and per-image pixel accuracy,
 * averaged over images, as the code computed them before its November 2020 update; still
 * batch-independent) and {@code normal-angle} with {@code median: per-batch} under pooled averaging
 * (the mean of per-batch medians, the other values pooled: the median alone, as before
 * {@code averaging} existed). The run's {@code config.yaml} records the chosen options and the
 * reports print them.
 *
 * <p>Per batch the heavy work (arg-max, masks, sums, angles) runs in the engine; only a small result
 * crosses into Java: one int per pixel for the confusion matrix, two sums for depth, one float per
 * valid pixel for normals (the exact median needs them all).
 */
package org.mtan4j.plugins.metrics;
