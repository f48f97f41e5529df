package org.mtan4j.plugins.segnet;

import java.util.List;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * Options of the {@code split} backbone (YAML keys {@code filters}, {@code variant}).
 *
 * @param filters the five SegNet widths {@code f0..f4}; the paper's {@code [64, 128, 256, 512, 512]};
 *     tasks read {@code f0} channels
 * @param variant {@code standard}; {@code deep}: every conv unit becomes two convolutions
 *     ({@code cin -> cout, cout -> cout}); {@code wide}: the last width doubled ({@code f4 = 1024} with
 *     the paper's filters), as the paper's split-deep and split-wide (models.md, "Variants")
 */
public record SplitOptions(List<Integer> filters, String variant) {

    /** The variants, in the paper's order. */
    public static final List<String> VARIANTS = List.of("standard", "deep", "wide");

    /** The paper's split, standard (models.md). */
    public static final SplitOptions DEFAULT = new SplitOptions(SegNetTrunk.PAPER_FILTERS, "standard");

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException naming the option that is wrong and what it allows
     */
    public SplitOptions {
        filters = SegNetOptions.checkFilters(filters);
        if (variant == null || !VARIANTS.contains(variant)) {
            throw new IllegalArgumentException("option 'variant' of backbone 'split' must be one of " + VARIANTS
                    + ", got " + (variant == null ? "nothing" : "'" + variant + "'"));
        }
    }

    /** Convolutions per conv unit: 2 for {@code deep}, else 1. */
    public int depth() {
        return variant.equals("deep") ? 2 : 1;
    }

    /** The trunk's widths: {@link #filters()}, with {@code f4} doubled for {@code wide}. */
    public List<Integer> trunkFilters() {
        if (!variant.equals("wide")) {
            return filters;
        }
        return List.of(filters.get(0), filters.get(1), filters.get(2), filters.get(3), 2 * filters.get(4));
    }
}
