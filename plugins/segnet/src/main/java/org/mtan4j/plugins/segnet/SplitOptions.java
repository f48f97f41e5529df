package org.mtan4j.plugins.segnet;

import java.util.List;
import java.util.Objects;
import org.mtan4j.plugins.segnet.backbone.SegNetTrunk;

/**
 * Options of the {@code split} backbone (YAML keys {@code filters}, {@code variant}).
 *
 * @param filters the five SegNet widths {@code f0..f4}; the paper's {@code [64, 128, 256, 512, 512]}
 *     (split-wide is {@code [64, 128, 256, 512, 1024]}); tasks read {@code f0} channels
 * @param variant the network variant; only {@code standard} for now
 */
public record SplitOptions(List<Integer> filters, String variant) {

    /** The variants this version builds. */
    public static final List<String> VARIANTS = List.of("standard");

    /** The paper's split, standard (models.md). */
    public static final SplitOptions DEFAULT = new SplitOptions(SegNetTrunk.PAPER_FILTERS, "standard");

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException naming the option that is wrong and what it allows
     */
    public SplitOptions {
        Objects.requireNonNull(filters, "option 'filters' of backbone 'split' is missing");
        if (filters.size() != SegNetTrunk.LEVELS || filters.stream().anyMatch(f -> f == null || f < 1)) {
            throw new IllegalArgumentException("option 'filters' of backbone 'split' must list " + SegNetTrunk.LEVELS
                    + " positive widths (one per pooling level), got " + filters);
        }
        filters = List.copyOf(filters);
        if (variant == null || !VARIANTS.contains(variant)) {
            throw new IllegalArgumentException("option 'variant' of backbone 'split' must be one of " + VARIANTS
                    + ", got " + (variant == null ? "nothing" : "'" + variant + "'"));
        }
    }
}
