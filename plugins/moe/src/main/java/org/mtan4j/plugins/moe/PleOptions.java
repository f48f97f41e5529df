package org.mtan4j.plugins.moe;

import java.util.List;
import org.mtan4j.blocks.resnet.DilatedResNet;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * Options of the {@code ple} backbone: the encoder ({@link EncoderOptions}), the experts and the
 * extraction levels.
 *
 * @param encoder {@code resnet50-dilated} or {@code segnet}
 * @param filters SegNet's widths
 * @param baseWidth the ResNet's base width
 * @param blocks the ResNet's bottlenecks per stage
 * @param sharedExperts shared experts per level, at least 0; 1 as LibMTL's NYUv2 test
 * @param taskExperts each task's own experts per level, at least 0 (at least 1 without shared
 *     experts); 1 as LibMTL's test
 * @param levels extraction levels, from 1 to the encoder's stages (5 for {@code resnet50-dilated}, 10
 *     for {@code segnet}), which they split into contiguous groups; 5, one per stage of the ResNet, as
 *     LibMTL's PLE
 */
public record PleOptions(String encoder, List<Integer> filters, int baseWidth, List<Integer> blocks, int sharedExperts,
        int taskExperts, int levels) implements EncoderOptions {

    /** LibMTL's NYUv2 setting. */
    public static final PleOptions DEFAULT = new PleOptions(RESNET50_DILATED, SegNetTrunk.PAPER_FILTERS,
            DilatedResNet.RESNET50_BASE, DilatedResNet.RESNET50_BLOCKS, 1, 1, 5);

    /**
     * Checks the options (the levels against the encoder's stages too).
     *
     * @throws IllegalArgumentException naming the option that does not fit
     */
    public PleOptions {
        EncoderOptions.check(encoder, baseWidth);
        filters = EncoderOptions.checkFilters(filters);
        blocks = EncoderOptions.checkBlocks(blocks);
        EncoderOptions.atLeast("shared-experts", sharedExperts, 0);
        EncoderOptions.atLeast("task-experts", taskExperts, sharedExperts == 0 ? 1 : 0);
        int stages = EncoderOptions.stageCount(encoder);
        if (levels < 1 || levels > stages) {
            throw new IllegalArgumentException("option 'levels' must be 1 to " + stages + " (the stages of encoder '" + encoder
                    + "'), got " + levels);
        }
    }
}
