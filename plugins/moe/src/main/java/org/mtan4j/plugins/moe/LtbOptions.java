package org.mtan4j.plugins.moe;

import java.util.List;
import java.util.Objects;
import org.mtan4j.blocks.resnet.DilatedResNet;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * Options of the {@code ltb} backbone: the encoder ({@link EncoderOptions}), where branches are
 * learned and the Gumbel-softmax schedule (see {@link org.mtan4j.plugins.moe.network.BranchingNetwork}).
 *
 * @param encoder {@code resnet50-dilated} or {@code segnet}
 * @param filters SegNet's widths
 * @param baseWidth the ResNet's base width
 * @param blocks the ResNet's bottlenecks per stage
 * @param branchingStages the encoder stages whose input each column chooses, distinct, from 1 to the
 *     last stage (4 for {@code resnet50-dilated}, 9 for {@code segnet}); {@code [1, 2, 3, 4]}, before
 *     each of the ResNet's {@code layer1..4} as LibMTL (with {@code segnet}: before encoder stages 1-4)
 * @param warmupFraction the epochs {@code epoch < warmup-fraction * epochs} warm up with every parent
 *     summed; LibMTL's {@code epochs / 100}
 * @param temperatureScale {@code tau = temperature-scale * epochs / sqrt(epoch + 1)}; LibMTL's
 *     {@code epochs / 20 / sqrt(epoch + 1)}
 */
public record LtbOptions(String encoder, List<Integer> filters, int baseWidth, List<Integer> blocks, List<Integer> branchingStages,
        double warmupFraction, double temperatureScale) implements EncoderOptions {

    /** LibMTL's. */
    public static final LtbOptions DEFAULT = new LtbOptions(RESNET50_DILATED, SegNetTrunk.PAPER_FILTERS,
            DilatedResNet.RESNET50_BASE, DilatedResNet.RESNET50_BLOCKS, List.of(1, 2, 3, 4), 0.01, 0.05);

    /**
     * Checks the options (the branching stages against the encoder's stages too).
     *
     * @throws IllegalArgumentException naming the option that does not fit
     */
    public LtbOptions {
        EncoderOptions.check(encoder, baseWidth);
        filters = EncoderOptions.checkFilters(filters);
        blocks = EncoderOptions.checkBlocks(blocks);
        Objects.requireNonNull(branchingStages, "option 'branching-stages' is missing");
        int last = EncoderOptions.stageCount(encoder) - 1;
        if (branchingStages.stream().anyMatch(b -> b == null || b < 1 || b > last)
                || branchingStages.stream().distinct().count() != branchingStages.size()) {
            throw new IllegalArgumentException("option 'branching-stages' must list distinct stages from 1 to " + last
                    + " (encoder '" + encoder + "'; stage 0 reads the image), got " + branchingStages);
        }
        branchingStages = List.copyOf(branchingStages);
        if (!(warmupFraction >= 0 && warmupFraction <= 1)) {
            throw new IllegalArgumentException("option 'warmup-fraction' must be from 0 to 1, got " + warmupFraction);
        }
        if (!(temperatureScale > 0) || Double.isInfinite(temperatureScale)) {
            throw new IllegalArgumentException("option 'temperature-scale' must be positive, got " + temperatureScale);
        }
    }
}
