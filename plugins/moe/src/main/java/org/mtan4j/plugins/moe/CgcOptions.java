package org.mtan4j.plugins.moe;

import java.util.List;
import org.mtan4j.blocks.resnet.DilatedResNet;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * Options of the {@code cgc} backbone: the encoder ({@link EncoderOptions}) and the experts.
 *
 * @param encoder {@code resnet50-dilated} or {@code segnet}
 * @param filters SegNet's widths
 * @param baseWidth the ResNet's base width
 * @param blocks the ResNet's bottlenecks per stage
 * @param sharedExperts experts every task's gate mixes, at least 0; 1 as LibMTL's NYUv2 test
 *     ({@code num_experts = [1, 1, 1, 1]})
 * @param taskExperts each task's own experts, at least 0 (at least 1 without shared experts); 1 as
 *     LibMTL's test
 */
public record CgcOptions(String encoder, List<Integer> filters, int baseWidth, List<Integer> blocks, int sharedExperts,
        int taskExperts) implements EncoderOptions {

    /** LibMTL's NYUv2 setting. */
    public static final CgcOptions DEFAULT = new CgcOptions(RESNET50_DILATED, SegNetTrunk.PAPER_FILTERS,
            DilatedResNet.RESNET50_BASE, DilatedResNet.RESNET50_BLOCKS, 1, 1);

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException naming the option that does not fit
     */
    public CgcOptions {
        EncoderOptions.check(encoder, baseWidth);
        filters = EncoderOptions.checkFilters(filters);
        blocks = EncoderOptions.checkBlocks(blocks);
        EncoderOptions.atLeast("shared-experts", sharedExperts, 0);
        EncoderOptions.atLeast("task-experts", taskExperts, sharedExperts == 0 ? 1 : 0);
    }
}
