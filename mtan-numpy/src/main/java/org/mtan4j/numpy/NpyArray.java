package org.mtan4j.numpy;

import java.util.Arrays;
import java.util.Objects;

/**
 * An array read from a {@code .npy} file (or an {@code .npz} entry): its values as floats in C
 * (row-major) order whatever the file's type and order were.
 *
 * @param source the file (or {@code archive.npz:entry}) it came from, for error messages
 * @param dtype the element type stored in the file
 * @param shape the shape; empty for a scalar
 * @param data {@code product(shape)} values in C order; not copied, so the owner may reuse it
 */
public record NpyArray(String source, NpyDType dtype, int[] shape, float[] data) {

    /** Checks the parts agree: {@code data.length} is the product of {@code shape}. */
    public NpyArray {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(dtype, "dtype is null");
        Objects.requireNonNull(shape, "shape is null");
        Objects.requireNonNull(data, "data is null");
        if (Npy.count(shape) != data.length) {
            throw new IllegalArgumentException(source + ": shape " + Arrays.toString(shape) + " needs "
                    + Npy.count(shape) + " values, got " + data.length);
        }
    }

    /** The shape written as numpy prints it, e.g. {@code (288, 384, 3)}. */
    public String shapeString() {
        return Npy.shapeString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && source.equals(a.source) && dtype == a.dtype && Arrays.equals(shape, a.shape)
                && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "NpyArray[" + source + ", " + dtype.descr() + ", " + shapeString() + "]";
    }
}
