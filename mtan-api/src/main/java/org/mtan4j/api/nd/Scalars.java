package org.mtan4j.api.nd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.function.BinaryOperator;

/**
 * Array-and-number arithmetic whose number survives until the backward pass (see the package note):
 * use these instead of DJL's {@code Number} overloads on anything that records a gradient. The number
 * is cast to the array's data type, as DJL's overloads do.
 */
public final class Scalars {

    private Scalars() {
    }

    /**
     * A zero-dimensional array holding {@code value} in {@code like}'s data type, manager and device, in
     * memory the engine owns: closing it, or losing every Java reference to it, never frees memory an
     * autograd graph still reads.
     */
    public static NDArray of(NDArray like, double value) {
        DataType type = like.getDataType();
        try (NDArray wrapped = like.getManager().create(value)) {
            // create() reads a Java buffer; toType() may return that very array, and PyTorch's clone
            // (duplicate) copies into the engine's memory.
            NDArray typed = wrapped.toType(type, false);
            NDArray owned = typed.duplicate();
            if (typed != wrapped) {
                typed.close();
            }
            return owned.getDevice().equals(like.getDevice()) ? owned : moved(owned, like);
        }
    }

    private static NDArray moved(NDArray owned, NDArray like) {
        try (owned) {
            return owned.toDevice(like.getDevice(), true);
        }
    }

    /** {@code array * value}. */
    public static NDArray mul(NDArray array, double value) {
        return withNumber(array, value, NDArray::mul);
    }

    /** {@code array / value}. */
    public static NDArray div(NDArray array, double value) {
        return withNumber(array, value, NDArray::div);
    }

    /** {@code array ^ value}, element-wise. */
    public static NDArray pow(NDArray array, double value) {
        return withNumber(array, value, NDArray::pow);
    }

    /** The element-wise maximum of {@code array} and {@code value} (a floor). */
    public static NDArray maximum(NDArray array, double value) {
        return withNumber(array, value, NDArray::maximum);
    }

    /** The element-wise minimum of {@code array} and {@code value} (a ceiling). */
    public static NDArray minimum(NDArray array, double value) {
        return withNumber(array, value, NDArray::minimum);
    }

    private static NDArray withNumber(NDArray array, double value, BinaryOperator<NDArray> operation) {
        // Closing our handle is safe: the engine counts the graph's reference to the number too.
        try (NDArray number = of(array, value)) {
            return operation.apply(array, number);
        }
    }
}
