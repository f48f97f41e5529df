package org.mtan4j.numpy;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The numpy element types {@link Npy} reads, by their {@code descr} code without the byte-order
 * character ({@code f4}, {@code u1} ...). Every type is converted to {@code float} when read.
 */
public enum NpyDType {
    /** {@code float32}, numpy code {@code f4}. */
    FLOAT32("f4", 4),
    /** {@code float64}, {@code f8}; narrowed to float when read. */
    FLOAT64("f8", 8),
    /** {@code int8}, {@code i1}. */
    INT8("i1", 1),
    /** {@code int16}, {@code i2}. */
    INT16("i2", 2),
    /** {@code int32}, {@code i4}. */
    INT32("i4", 4),
    /** {@code int64}, {@code i8}; values beyond 2^24 lose precision as floats. */
    INT64("i8", 8),
    /** {@code uint8}, {@code u1}. */
    UINT8("u1", 1),
    /** {@code uint16}, {@code u2}. */
    UINT16("u2", 2),
    /** {@code bool}, {@code b1}: 0 or 1. */
    BOOL("b1", 1);

    private final String code;
    private final int size;

    NpyDType(String code, int size) {
        this.code = code;
        this.size = size;
    }

    /** The numpy code without byte order, e.g. {@code f4}. */
    public String code() {
        return code;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    /** The little-endian {@code descr} numpy writes for this type, e.g. {@code <f4} or {@code |u1}. */
    public String descr() {
        return (size == 1 ? "|" : "<") + code;
    }

    /** The type with numpy code {@code code}, or null. */
    static NpyDType ofCode(String code) {
        for (NpyDType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        return null;
    }

    /** The supported codes, for error messages. */
    static String supported() {
        return Arrays.stream(values()).map(NpyDType::descr).collect(Collectors.joining(", "));
    }
}
