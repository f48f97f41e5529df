package org.mtan4j.datasets.synthetic;

/**
 * Options of the {@code synthetic} dataset; the YAML keys are the kebab-case component names
 * ({@code train-size}, {@code scene-seed} ...).
 *
 * <p>The runtime, not this record, checks that the image size suits the backbone (e.g. divisible by
 * 32 for SegNet).
 *
 * @param height image height in pixels (default 96)
 * @param width image width in pixels (default 128); the focal length scales with it, so the
 *     horizontal field of view is always the Kinect's, about 63 degrees
 * @param trainSize number of training scenes (default 400)
 * @param valSize number of validation scenes (default 100)
 * @param sceneSeed selects the family of scenes; the same seed always renders the same scenes
 *     (default 0)
 * @param augment whether training samples are flipped horizontally at random, driven by the
 *     per-sample seed the runtime passes (default false); validation is never augmented
 */
public record SyntheticOptions(int height, int width, int trainSize, int valSize, long sceneSeed, boolean augment) {

    /** Largest height or width accepted: keeps {@code 3 * height * width} far from int overflow. */
    public static final int MAX_SIDE = 4096;

    /** The defaults: 96x128 images, 400 training and 100 validation scenes, seed 0, no augmentation. */
    public static final SyntheticOptions DEFAULTS = new SyntheticOptions(96, 128, 400, 100, 0L, false);

    /**
     * Checks every option, naming the one that is wrong.
     *
     * @throws IllegalArgumentException e.g. {@code height must be > 0, got -3}
     */
    public SyntheticOptions {
        checkSide("height", height);
        checkSide("width", width);
        checkPositive("trainSize", trainSize);
        checkPositive("valSize", valSize);
    }

    /** These options with another image size. */
    public SyntheticOptions withSize(int newHeight, int newWidth) {
        return new SyntheticOptions(newHeight, newWidth, trainSize, valSize, sceneSeed, augment);
    }

    /** These options with other split sizes. */
    public SyntheticOptions withSplitSizes(int newTrainSize, int newValSize) {
        return new SyntheticOptions(height, width, newTrainSize, newValSize, sceneSeed, augment);
    }

    /** These options with another scene seed. */
    public SyntheticOptions withSceneSeed(long newSceneSeed) {
        return new SyntheticOptions(height, width, trainSize, valSize, newSceneSeed, augment);
    }

    /** These options with augmentation switched on or off. */
    public SyntheticOptions withAugment(boolean newAugment) {
        return new SyntheticOptions(height, width, trainSize, valSize, sceneSeed, newAugment);
    }

    private static void checkSide(String name, int value) {
        checkPositive(name, value);
        if (value > MAX_SIDE) {
            throw new IllegalArgumentException(name + " must be <= " + MAX_SIDE + ", got " + value);
        }
    }

    private static void checkPositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }
}
