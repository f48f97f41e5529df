package org.mtan4j.datasets.nyuv2;

import java.util.List;
import org.mtan4j.datasets.arrays.ArrayFolderOptions;

/**
 * Options of the {@code nyuv2} dataset; YAML keys are kebab-case ({@code root}, {@code height},
 * {@code width}, {@code augment}, {@code tasks}).
 *
 * @param root the release's folder, holding {@code train/} and {@code val/} (default {@code data/nyuv2})
 * @param height the height every array must have (default 288, the release's); smaller only for
 *     test fixtures or a re-sampled copy
 * @param width the width every array must have (default 384)
 * @param augment whether training samples get the reference code's augmentation: random scale from
 *     {1.0, 1.2, 1.5}, random crop, resize back, depth divided by the scale, random horizontal flip
 *     (default false, as in the paper's results); validation is never augmented
 * @param tasks which tasks, in target order, from {@code semantic}, {@code depth}, {@code normal}
 *     (default all three); only their folders are read
 */
public record NyuV2Options(String root, int height, int width, boolean augment, List<String> tasks) implements ArrayFolderOptions {

    /** The task names this dataset knows, in the paper's order. */
    public static final List<String> ALL_TASKS = List.of("semantic", "depth", "normal");

    /** The defaults: {@code data/nyuv2}, 288x384, no augmentation, all three tasks. */
    public static final NyuV2Options DEFAULTS = new NyuV2Options("data/nyuv2", 288, 384, false, ALL_TASKS);

    /**
     * Checks every option, naming the one that is wrong.
     *
     * @throws IllegalArgumentException e.g. {@code height must be > 0, got 0}
     */
    public NyuV2Options {
        ArrayFolderOptions.requireRoot(root);
        // At least 2: the augmentation's smallest crop, int(side / 1.5), must keep a pixel.
        ArrayFolderOptions.requireSide("height", height, 2);
        ArrayFolderOptions.requireSide("width", width, 2);
        tasks = ArrayFolderOptions.requireTasks(tasks, ALL_TASKS);
    }

    /** These options with another root. */
    public NyuV2Options withRoot(String newRoot) {
        return new NyuV2Options(newRoot, height, width, augment, tasks);
    }

    /** These options with another expected size. */
    public NyuV2Options withSize(int newHeight, int newWidth) {
        return new NyuV2Options(root, newHeight, newWidth, augment, tasks);
    }

    /** These options with augmentation on or off. */
    public NyuV2Options withAugment(boolean newAugment) {
        return new NyuV2Options(root, height, width, newAugment, tasks);
    }

    /** These options with other tasks. */
    public NyuV2Options withTasks(List<String> newTasks) {
        return new NyuV2Options(root, height, width, augment, newTasks);
    }
}
