package org.mtan4j.blocks.sampling;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * The result of {@link MaxPool2x2#pool}: the pooled values and where they came from.
 *
 * @param values the window maxima {@code (N, C, H/2, W/2)}; differentiable, the gradient reaching
 *     each window's winner only
 * @param indices the winners, for {@link MaxPool2x2#unpool}
 */
public record Pooled(NDArray values, PoolIndices indices) {

    /** Checks both are present. */
    public Pooled {
        Objects.requireNonNull(values, "values is null");
        Objects.requireNonNull(indices, "indices is null");
    }
}
