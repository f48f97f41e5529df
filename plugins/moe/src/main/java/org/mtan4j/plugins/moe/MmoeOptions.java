package org.mtan4j.plugins.moe;

import java.util.List;
import org.mtan4j.blocks.resnet.DilatedResNet;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * Options of the {@code mmoe} backbone: the encoder ({@link EncoderOptions}) and {@code experts}.
 *
 * @param encoder {@code resnet50-dilated} or {@code segnet}
 * @param filters SegNet's widths
 * @param baseWidth the ResNet's base width
 * @param blocks the ResNet's bottlenecks per stage
 * @param experts the experts every task's gate mixes, at least 1; 2 as LibMTL's NYUv2 test
 *     ({@code tests/test_nyu.py}, {@code num_experts = [2]})
 */
public record MmoeOptions(String encoder, List<Integer> filters, int baseWidth, List<Integer> blocks, int experts)
        implements EncoderOptions {

    /** LibMTL's NYUv2 setting. */
    public static final MmoeOptions DEFAULT = new MmoeOptions(RESNET50_DILATED, SegNetTrunk.PAPER_FILTERS,
            DilatedResNet.RESNET50_BASE, DilatedResNet.RESNET50_BLOCKS, 2);

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException naming the option that does not fit
     */
    public MmoeOptions {
        EncoderOptions.check(encoder, baseWidth);
        filters = EncoderOptions.checkFilters(filters);
        blocks = EncoderOptions.checkBlocks(blocks);
        EncoderOptions.atLeast("experts", experts, 1);
    }
}
