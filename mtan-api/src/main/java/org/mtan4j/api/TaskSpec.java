package org.mtan4j.api;

import java.util.Objects;

/**
 * One task of a multi-task problem, as a dataset declares it.
 *
 * @param name the task's name, unique within a run (e.g. {@code semantic}); the YAML key
 * @param kind what the task predicts
 * @param classes number of classes for segmentation and classification; 0 for other kinds
 * @param ignoreValue the target value that marks an unlabelled pixel or sample (NYUv2 uses -1)
 */
public record TaskSpec(String name, TaskKind kind, int classes, int ignoreValue) {

    /** Checks the invariants: a non-blank name, and a class count only where the kind has classes. */
    public TaskSpec {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(kind, "kind is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("task name is blank");
        }
        boolean hasClasses = kind == TaskKind.SEGMENTATION || kind == TaskKind.CLASSIFICATION;
        if (hasClasses && classes < 2) {
            throw new IllegalArgumentException("task '" + name + "' of kind " + kind.yamlName()
                    + " needs at least 2 classes, got " + classes);
        }
        if (!hasClasses && classes != 0) {
            throw new IllegalArgumentException("task '" + name + "' of kind " + kind.yamlName()
                    + " has no classes, got " + classes);
        }
    }

    /** A segmentation task with {@code classes} classes and -1 as the ignore value. */
    public static TaskSpec segmentation(String name, int classes) {
        return new TaskSpec(name, TaskKind.SEGMENTATION, classes, -1);
    }

    /** A depth task (0 marks unknown depth). */
    public static TaskSpec depth(String name) {
        return new TaskSpec(name, TaskKind.DEPTH, 0, 0);
    }

    /** A surface-normal task (an all-zero normal marks an unknown pixel). */
    public static TaskSpec normal(String name) {
        return new TaskSpec(name, TaskKind.NORMAL, 0, 0);
    }

    /** A classification task with {@code classes} classes and -1 as the ignore value. */
    public static TaskSpec classification(String name, int classes) {
        return new TaskSpec(name, TaskKind.CLASSIFICATION, classes, -1);
    }

    /** Channels of this task's prediction: the class count, 1 for depth, 3 for normals. */
    public int outputChannels() {
        switch (kind) {
            case DEPTH:
                return 1;
            case NORMAL:
                return 3;
            default:
                return classes;
        }
    }
}
