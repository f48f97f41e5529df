package org.mtan4j.api.nd;

import ai.djl.ndarray.NDArray;
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
        try (NDArray wrapped = like.getManager().create(value)) {
            return EngineArrays.ownedCopy(wrapped, like.getDataType(), like.getDevice());
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
