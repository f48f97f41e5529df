package org.mtan4j.datasets.arrays;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The options every folder-of-arrays dataset has (YAML keys {@code root}, {@code height},
 * {@code width}, {@code tasks}), and their checks; each message names the option that is wrong. The
 * datasets' options records implement it.
 */
public interface ArrayFolderOptions {

    /** The largest height or width an option may ask for. */
    int MAX_SIDE = 8192;

    /** The release's folder, holding {@code train/} and {@code val/}. */
    String root();

    /** The height every array must have. */
    int height();

    /** The width every array must have. */
    int width();

    /** The selected tasks, in target order. */
    List<String> tasks();

    /**
     * Checks {@code root}.
     *
     * @return {@code root}
     * @throws IllegalArgumentException if it is missing or blank
     */
    static String requireRoot(String root) {
        if (root == null || root.isBlank()) {
            throw new IllegalArgumentException("root must name the dataset folder, got " + (root == null ? "nothing" : "'" + root + "'"));
        }
        return root;
    }

    /**
     * Checks a height or width.
     *
     * @param option {@code height} or {@code width}
     * @param smallest the smallest value allowed
     * @return {@code value}
     * @throws IllegalArgumentException unless {@code smallest <= value <= MAX_SIDE}
     */
    static int requireSide(String option, int value, int smallest) {
        if (value < smallest || value > MAX_SIDE) {
            throw new IllegalArgumentException(option + " must be in " + smallest + ".." + MAX_SIDE + ", got " + value);
        }
        return value;
    }

    /**
     * Checks the task selection: at least one, no duplicates, each one the dataset knows.
     *
     * @param known the tasks the dataset knows
     * @return an immutable copy of {@code tasks}
     * @throws IllegalArgumentException naming the task that does not fit
     */
    static List<String> requireTasks(List<String> tasks, List<String> known) {
        Objects.requireNonNull(tasks, "tasks is null");
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("tasks must name at least one of " + known);
        }
        if (new HashSet<>(tasks).size() != tasks.size()) {
            throw new IllegalArgumentException("tasks has duplicates: " + tasks);
        }
        for (String t : tasks) {
            if (!known.contains(t)) {
                throw new IllegalArgumentException("tasks: unknown task '" + t + "'; allowed: " + known);
            }
        }
        return List.copyOf(tasks);
    }
}
