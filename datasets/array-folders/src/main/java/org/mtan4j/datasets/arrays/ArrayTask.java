package org.mtan4j.datasets.arrays;

import java.util.Objects;
import org.mtan4j.api.TaskSpec;

/**
 * One task of a folder-of-arrays dataset: what it predicts and where its arrays are.
 *
 * @param spec the task (its kind decides how values are checked: class labels or the ignore value for
 *     segmentation, finite values {@code >= 0} for depth, finite values for normals)
 * @param folder the folder under each split holding the task's numbered arrays, e.g. {@code label_7}
 * @param channels the arrays' trailing axis: 0 for {@code (H, W)} (labels), else {@code (H, W, channels)}
 * @param valueName what a value is called in messages, e.g. {@code depth} or {@code inverse depth}
 */
public record ArrayTask(TaskSpec spec, String folder, int channels, String valueName) {

    /** Checks the components. */
    public ArrayTask {
        Objects.requireNonNull(spec, "spec is null");
        Objects.requireNonNull(folder, "folder is null");
        Objects.requireNonNull(valueName, "valueName is null");
        if (channels < 0) {
            throw new IllegalArgumentException("channels must be 0 (no channel axis) or positive, got " + channels);
        }
    }

    /** The shape every array of this task has, for an {@code height x width} dataset. */
    public int[] arrayShape(int height, int width) {
        return channels == 0 ? new int[] {height, width} : new int[] {height, width, channels};
    }
}
