package org.mtan4j.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a task predicts; decides the shape of its target and which heads and metrics fit it. */
public enum TaskKind {
    /** Per-pixel class labels; target (H, W) float with class indices and an ignore value. */
    SEGMENTATION,
    /** Per-pixel depth; target (1, H, W) float, 0 where unknown. */
    DEPTH,
    /**
     * Per-pixel unit surface normal; target (3, H, W) float, all zeros where unknown. As the paper's
     * code, losses and metrics treat a pixel as known where its channel sum is not 0. Augmentation that
     * resizes bilinearly (NYUv2's, as the paper's) leaves shorter normals at edges: length at most 1.
     */
    NORMAL,
    /** One class per image; target a scalar class index. */
    CLASSIFICATION;

    /** The name used in YAML and on the command line, e.g. {@code segmentation}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a YAML name.
     *
     * @throws IllegalArgumentException naming the allowed values when {@code name} is none of them
     */
    public static TaskKind fromYamlName(String name) {
        for (TaskKind kind : values()) {
            if (kind.yamlName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown task kind '" + name + "'; allowed: "
                + Arrays.stream(values()).map(TaskKind::yamlName).collect(Collectors.joining(", ")));
    }
}
