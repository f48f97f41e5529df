package org.mtan4j.plugins.metrics;

import java.util.List;

/**
 * Options of the {@code confusion-matrix} metric; YAML key {@code formula}.
 *
 * @param formula how mIoU and pixel accuracy are formed: {@value #ACCUMULATED} (default) from one
 *     confusion matrix over every pixel of the split, or {@value #PER_IMAGE}, the paper's original
 *     code: per image the mean IoU over the classes present in its target or prediction, and its
 *     pixel accuracy, each then averaged over the images
 */
public record ConfusionMatrixOptions(String formula) {

    /** One matrix over the whole split (the default). */
    public static final String ACCUMULATED = "accumulated";
    /** Per image, then averaged over images (the paper's original code). */
    public static final String PER_IMAGE = "per-image";
    /** The allowed formulas. */
    public static final List<String> FORMULAS = List.of(ACCUMULATED, PER_IMAGE);
    /** The default: {@value #ACCUMULATED}. */
    public static final ConfusionMatrixOptions DEFAULTS = new ConfusionMatrixOptions(ACCUMULATED);

    /**
     * Checks the formula is known.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public ConfusionMatrixOptions {
        if (!FORMULAS.contains(formula)) {
            throw new IllegalArgumentException("formula must be one of " + String.join(", ", FORMULAS) + ", got '" + formula + "'");
        }
    }
}
