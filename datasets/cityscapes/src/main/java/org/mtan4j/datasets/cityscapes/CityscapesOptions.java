package org.mtan4j.datasets.cityscapes;

import java.util.List;
import org.mtan4j.datasets.arrays.ArrayFolderOptions;

/**
 * Options of the {@code cityscapes} dataset; YAML keys are kebab-case ({@code root}, {@code height},
 * {@code width}, {@code classes}, {@code tasks}).
 *
 * @param root the release's folder, holding {@code train/} and {@code val/} (default
 *     {@code data/cityscapes})
 * @param height the height every array must have: 128 for the 128x256 release (default), 256 for the
 *     256x512 one; other values only for test fixtures or a re-sampled copy
 * @param width the width every array must have: 256 (default) or 512
 * @param classes the semantic class set, 2, 7 (default, the paper's) or 19: reads {@code label_<classes>/}
 * @param tasks which tasks, in target order, from {@code semantic} and {@code depth} (default both);
 *     only their folders are read
 */
public record CityscapesOptions(String root, int height, int width, int classes, List<String> tasks) implements ArrayFolderOptions {

    /** The task names this dataset knows. */
    public static final List<String> ALL_TASKS = List.of("semantic", "depth");

    /** The class sets the release has. */
    public static final List<Integer> CLASS_SETS = List.of(2, 7, 19);

    /** The defaults: {@code data/cityscapes}, 128x256, 7 classes, semantic and depth. */
    public static final CityscapesOptions DEFAULTS = new CityscapesOptions("data/cityscapes", 128, 256, 7, ALL_TASKS);

    /**
     * Checks every option, naming the one that is wrong.
     *
     * @throws IllegalArgumentException e.g. {@code classes must be one of [2, 7, 19], got 13}
     */
    public CityscapesOptions {
        ArrayFolderOptions.requireRoot(root);
        ArrayFolderOptions.requireSide("height", height, 1);
        ArrayFolderOptions.requireSide("width", width, 1);
        if (!CLASS_SETS.contains(classes)) {
            throw new IllegalArgumentException("classes must be one of " + CLASS_SETS + ", got " + classes);
        }
        tasks = ArrayFolderOptions.requireTasks(tasks, ALL_TASKS);
    }

    /** These options with another root. */
    public CityscapesOptions withRoot(String newRoot) {
        return new CityscapesOptions(newRoot, height, width, classes, tasks);
    }

    /** These options with another expected size. */
    public CityscapesOptions withSize(int newHeight, int newWidth) {
        return new CityscapesOptions(root, newHeight, newWidth, classes, tasks);
    }

    /** These options with another class set. */
    public CityscapesOptions withClasses(int newClasses) {
        return new CityscapesOptions(root, height, width, newClasses, tasks);
    }

    /** These options with other tasks. */
    public CityscapesOptions withTasks(List<String> newTasks) {
        return new CityscapesOptions(root, height, width, classes, newTasks);
    }
}
