package org.mtan4j.numpy;

import java.util.Objects;

/**
 * What a {@code .npy} header declares, parsed and checked for syntax (not yet for what a caller
 * expects).
 *
 * @param source the file the header came from
 * @param version the format's major version, 1, 2 or 3
 * @param dtype the element type
 * @param bigEndian whether the {@code descr} says {@code >} (only meaningful for multi-byte types)
 * @param fortranOrder whether the data are stored in column-major order
 * @param shape the shape; empty for a scalar
 * @param dataOffset where the data start, in bytes from the file's start
 */
public record NpyHeader(String source, int version, NpyDType dtype, boolean bigEndian, boolean fortranOrder, int[] shape,
        int dataOffset) {

    /** Checks nothing is null. */
    public NpyHeader {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(dtype, "dtype is null");
        Objects.requireNonNull(shape, "shape is null");
    }

    /** Number of elements. */
    public long count() {
        return Npy.count(shape);
    }

    /** Bytes of data the header promises. */
    public long dataBytes() {
        return count() * dtype.size();
    }

    /** The {@code descr} as it was declared, e.g. {@code >f4}. */
    public String descr() {
        return dtype.size() == 1 ? "|" + dtype.code() : (bigEndian ? ">" : "<") + dtype.code();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && source.equals(h.source) && version == h.version && dtype == h.dtype
                && bigEndian == h.bigEndian && fortranOrder == h.fortranOrder && java.util.Arrays.equals(shape, h.shape)
                && dataOffset == h.dataOffset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, version, dtype, bigEndian, fortranOrder, java.util.Arrays.hashCode(shape), dataOffset);
    }

    @Override
    public String toString() {
        return "NpyHeader[" + source + ", v" + version + ", " + descr() + ", fortran_order=" + fortranOrder + ", "
                + Npy.shapeString(shape) + "]";
    }
}
