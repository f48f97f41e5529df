package org.mtan4j.datasets.synthetic;

import java.util.Locale;

/**
 * The 13 semantic classes of NYUv2 as the MTAN paper uses them; a label's value is the constant's
 * {@link #label()} (its ordinal), and -1 marks an unlabelled pixel.
 */
public enum NyuClass {
    /** Beds, including headboards and pillows. */
    BED,
    /** Books on shelves and tables. */
    BOOKS,
    /** The ceiling. */
    CEILING,
    /** Chairs. */
    CHAIR,
    /** The floor. */
    FLOOR,
    /** Cabinets, dressers, shelves and wardrobes. */
    FURNITURE,
    /** Everything small: balls, vases, bins, lamps. */
    OBJECTS,
    /** Paintings and posters on walls. */
    PAINTING,
    /** Sofas. */
    SOFA,
    /** Tables. */
    TABLE,
    /** Televisions. */
    TV,
    /** Walls. */
    WALL,
    /** Windows. */
    WINDOW;

    /** Number of classes. */
    public static final int COUNT = 13;

    /** The label value of this class in a segmentation target. */
    public int label() {
        return ordinal();
    }

    /** The lower-case name NYUv2 uses, e.g. {@code furniture}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The class with label {@code label}.
     *
     * @throws IllegalArgumentException when {@code label} is not in [0, 13)
     */
    public static NyuClass ofLabel(int label) {
        NyuClass[] all = values();
        if (label < 0 || label >= all.length) {
            throw new IllegalArgumentException("no NYUv2 class with label " + label + "; labels are 0.." + (all.length - 1));
        }
        return all[label];
    }
}
