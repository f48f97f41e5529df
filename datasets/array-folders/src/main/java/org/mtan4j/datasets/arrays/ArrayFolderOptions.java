package org.mtan4j.datasets.arrays;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The checks the options of every folder-of-arrays dataset share ({@code root}, {@code height},
 * {@code width}, {@code tasks}); each message names the option that is wrong.
 */
public final class ArrayFolderOptions {

    /** The largest height or width an option may ask for. */
    public static final int MAX_SIDE = 8192;

    private ArrayFolderOptions() {
    }

    /**
     * Checks {@code root}.
     *
     * @return {@code root}
     * @throws IllegalArgumentException if it is missing or blank
     */
    public static String requireRoot(String root) {
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
    public static int requireSide(String option, int value, int smallest) {
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
    public static List<String> requireTasks(List<String> tasks, List<String> known) {
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
