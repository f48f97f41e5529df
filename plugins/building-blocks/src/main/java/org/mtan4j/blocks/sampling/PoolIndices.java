package org.mtan4j.blocks.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * Which element won each 2x2 window of a {@link MaxPool2x2#pool max-pool}: the state the encoder
 * hands to the decoder's {@link MaxPool2x2#unpool unpool}.
 *
 * <p>{@code flat} has PyTorch's layout ({@code max_pool2d(..., return_indices=True)}): an
 * {@code int64} array of the pooled shape {@code (N, C, H/2, W/2)} holding, for each window, the
 * index {@code row * W + column} of the winning element within its {@code H x W} plane. It carries
 * no gradient.
 *
 * @param flat the winners' flat indices, {@code (N, C, H/2, W/2)} int64
 * @param inputShape the shape {@code (N, C, H, W)} of the pooled input, i.e. of the unpooled output
 */
public record PoolIndices(NDArray flat, Shape inputShape) {

    /** Checks that {@code flat} is int64 of the pooled shape of {@code inputShape}. */
    public PoolIndices {
        Objects.requireNonNull(flat, "flat is null");
        Objects.requireNonNull(inputShape, "inputShape is null");
        if (inputShape.dimension() != 4 || !flat.getShape().equals(pooledShape(inputShape))) {
            throw new IllegalArgumentException("indices " + flat.getShape() + " are not the pooled shape of " + inputShape);
        }
        if (flat.getDataType() != DataType.INT64) {
            throw new IllegalArgumentException("indices must be int64, got " + flat.getDataType());
        }
    }

    /** The pooled shape {@code (N, C, H/2, W/2)} of an input {@code (N, C, H, W)}. */
    public static Shape pooledShape(Shape inputShape) {
        return new Shape(inputShape.get(0), inputShape.get(1), inputShape.get(2) / 2, inputShape.get(3) / 2);
    }

    /** The pooled shape {@code (N, C, H/2, W/2)}. */
    public Shape pooledShape() {
        return pooledShape(inputShape);
    }
}
