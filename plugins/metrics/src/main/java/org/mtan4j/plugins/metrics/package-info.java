/**
 * The bundled evaluation metrics of the paper's NYUv2 table (models.md, "Losses, metrics, training"):
 * {@code confusion-matrix} (mIoU and pixel accuracy) for segmentation, {@code depth-error} (absolute
 * and relative error) for depth, and {@code normal-angle} (mean and median angle, fractions within
 * 11.25, 22.5 and 30 degrees) for surface normals.
 *
 * <p>By default every metric accumulates over all pixels of all updates since its last reset, so its
 * result does not depend on the order or the batching of the updates (the {@link org.mtan4j.api.Metric}
 * contract). The paper's code instead averages the depth and normal errors per batch and then over
 * batches; with equal batch sizes and valid-pixel counts the two agree, otherwise the pixel-weighted
 * mean used here is the well-defined one.
 *
 * <p>Two options reproduce the paper's original formulas where they differ materially:
 * {@code confusion-matrix} with {@code formula: per-image} (per-image mIoU over the classes present and
 * per-image pixel accuracy, averaged over images; still batch-independent) and {@code normal-angle}
 * with {@code median: per-batch} (mean of per-batch medians; depends on the batching). The run's
 * {@code config.yaml} records the chosen option and the reports print it.
 *
 * <p>Per batch the heavy work (arg-max, masks, sums, angles) runs in the engine; only a small result
 * crosses into Java: one int per pixel for the confusion matrix, two sums for depth, one float per
 * valid pixel for normals (the exact median needs them all).
 */
package org.mtan4j.plugins.metrics;
