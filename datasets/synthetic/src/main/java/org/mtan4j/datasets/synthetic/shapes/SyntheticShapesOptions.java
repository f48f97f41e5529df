package org.mtan4j.datasets.synthetic.shapes;

import java.util.List;

/**
 * Options of the {@code synthetic-shapes} dataset (YAML keys {@code kind}, {@code train-size},
 * {@code val-size}, {@code size}, {@code seed}).
 *
 * @param kind what the class is, and the task's name: {@code colour} (3 classes), {@code shape} (4) or
 *     {@code position} (2); default {@code colour}
 * @param trainSize training images (default 200)
 * @param valSize validation images (default 60)
 * @param size the side of the square RGB images (default 32)
 * @param seed selects the family of images; the same seed, split and index always give the same image (default 0)
 */
public record SyntheticShapesOptions(String kind, int trainSize, int valSize, int size, long seed) {

    /** The kinds, in the order their class counts are listed: 3, 4, 2. */
    public static final List<String> KINDS = List.of("colour", "shape", "position");

    /** Colour domain, 200 + 60 images of 32x32, seed 0. */
    public static final SyntheticShapesOptions DEFAULTS = new SyntheticShapesOptions("colour", 200, 60, 32, 0L);

    /**
     * Checks every option, naming the one that is wrong.
     *
     * @throws IllegalArgumentException e.g. {@code kind must be one of [colour, shape, position], got 'size'}
     */
    public SyntheticShapesOptions {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + KINDS + ", got " + (kind == null ? "nothing" : "'" + kind + "'"));
        }
        if (trainSize < 1) {
            throw new IllegalArgumentException("train-size must be > 0, got " + trainSize);
        }
        if (valSize < 1) {
            throw new IllegalArgumentException("val-size must be > 0, got " + valSize);
        }
        if (size < 16 || size > 1024) {
            throw new IllegalArgumentException("size must be in 16..1024, got " + size);
        }
    }

    /** The number of classes of this kind. */
    public int classes() {
        return switch (kind) {
            case "colour" -> 3;
            case "shape" -> 4;
            default -> 2;
        };
    }
}
