package org.mtan4j.plugins.moe;

import java.util.List;
import org.mtan4j.blocks.resnet.DilatedResNet;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * Options of the {@code dselect-k} backbone: the encoder ({@link EncoderOptions}) and the gate's.
 *
 * @param encoder {@code resnet50-dilated} or {@code segnet}
 * @param filters SegNet's widths
 * @param baseWidth the ResNet's base width
 * @param blocks the ResNet's bottlenecks per stage
 * @param experts the shared experts, a power of two (see {@link org.mtan4j.plugins.moe.network.DSelectKGate});
 *     2 as LibMTL's NYUv2 test
 * @param k the selectors, at most {@code k} experts weighing once they have converged, from 1 to
 *     {@code experts}; LibMTL's default {@code num_nonzeros = 2}
 * @param gamma the smooth step's width; LibMTL's default {@code kgamma = 1.0}
 */
public record DSelectKOptions(String encoder, List<Integer> filters, int baseWidth, List<Integer> blocks, int experts, int k,
        double gamma) implements EncoderOptions {

    /** LibMTL's defaults and NYUv2 test setting. */
    public static final DSelectKOptions DEFAULT = new DSelectKOptions(RESNET50_DILATED, SegNetTrunk.PAPER_FILTERS,
            DilatedResNet.RESNET50_BASE, DilatedResNet.RESNET50_BLOCKS, 2, 2, 1.0);

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException naming the option that does not fit
     */
    public DSelectKOptions {
        EncoderOptions.check(encoder, baseWidth);
        filters = EncoderOptions.checkFilters(filters);
        blocks = EncoderOptions.checkBlocks(blocks);
        if (experts < 2 || Integer.bitCount(experts) != 1) {
            throw new IllegalArgumentException("option 'experts' must be a power of two, at least 2, got " + experts
                    + " (other counts need the paper's extra loss that keeps the selectors off missing experts)");
        }
        if (k < 1 || k > experts) {
            throw new IllegalArgumentException("option 'k' must be 1 to experts (" + experts + "), got " + k);
        }
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("option 'gamma' must be positive, got " + gamma);
        }
    }
}
