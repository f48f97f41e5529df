package org.mtan4j.api;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * A streaming evaluation metric for one task: {@link #update} per batch, {@link #compute} at the end
 * of a split, {@link #reset} before the next. The result must not depend on the order or the batching
 * of the updates, unless its options ask for {@link MetricAveraging#PER_BATCH} averaging (a reference's
 * numbers reproduced on purpose): then it must still not depend on their order.
 */
public interface Metric {

    /**
     * Adds a batch.
     *
     * @param prediction the head's output for the batch (after its activation): {@code (N, C, H, W)} for
     *     dense tasks, {@code (N, C)} for classification; it may still be attached to autograd
     * @param target the batch's target for this task: {@code (N, H, W)} class indices for segmentation,
     *     {@code (N, 1, H, W)} depth, {@code (N, 3, H, W)} normals, {@code (N)} class indices
     */
    void update(NDArray prediction, NDArray target);

    /** The values over everything added since the last reset; always the same names, in order. */
    List<MetricValue> compute();

    /** Forgets everything added. */
    void reset();
}
