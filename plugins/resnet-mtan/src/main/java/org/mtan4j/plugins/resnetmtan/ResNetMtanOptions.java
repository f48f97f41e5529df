package org.mtan4j.plugins.resnetmtan;

import java.util.List;
import java.util.Objects;

/**
 * Options of the {@code resnet-mtan} backbone (YAML keys {@code base-width}, {@code blocks}).
 *
 * @param baseWidth the ResNet's base width: the stem has {@code baseWidth} channels and stage
 *     {@code s} has {@code baseWidth * 2^s} planes ({@code 4x} that many output channels); the paper's
 *     ResNet-50 uses 64; narrower values are for quick tests
 * @param blocks bottlenecks per stage; ResNet-50's {@code [3, 4, 6, 3]}; at least 2 each, because the
 *     attention splits each stage into its last block and the ones before
 */
public record ResNetMtanOptions(int baseWidth, List<Integer> blocks) {

    /** ResNet-50, as the paper. */
    public static final ResNetMtanOptions DEFAULT = new ResNetMtanOptions(64, List.of(3, 4, 6, 3));

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException naming the option that does not fit
     */
    public ResNetMtanOptions {
        if (baseWidth < 1) {
            throw new IllegalArgumentException("option 'base-width' must be positive, got " + baseWidth);
        }
        Objects.requireNonNull(blocks, "option 'blocks' is missing");
        if (blocks.size() != 4 || blocks.stream().anyMatch(b -> b == null || b < 2)) {
            throw new IllegalArgumentException("option 'blocks' must list 4 stage depths of at least 2, got " + blocks);
        }
        blocks = List.copyOf(blocks);
    }
}
