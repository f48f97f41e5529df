package org.mtan4j.plugins.segnet;

import java.util.List;
import java.util.Objects;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * Options of the SegNet backbones {@code single}, {@code stan}, {@code mtan}, {@code dense} and
 * {@code cross-stitch} (YAML key {@code filters}).
 *
 * @param filters the five SegNet widths {@code f0..f4}, one per pooling level; the paper's
 *     {@code [64, 128, 256, 512, 512]}; tasks read {@code f0} channels
 */
public record SegNetOptions(List<Integer> filters) {

    /** The paper's widths. */
    public static final SegNetOptions DEFAULT = new SegNetOptions(SegNetTrunk.PAPER_FILTERS);

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException naming the option when the filters are not five positive widths
     */
    public SegNetOptions {
        filters = checkFilters(filters);
    }

    /** Five positive widths, copied; otherwise an error naming option {@code filters}. */
    static List<Integer> checkFilters(List<Integer> filters) {
        Objects.requireNonNull(filters, "option 'filters' is missing");
        if (filters.size() != SegNetTrunk.LEVELS || filters.stream().anyMatch(f -> f == null || f < 1)) {
            throw new IllegalArgumentException("option 'filters' must list " + SegNetTrunk.LEVELS
                    + " positive widths (one per pooling level), got " + filters);
        }
        return List.copyOf(filters);
    }
}
