package org.mtan4j.plugins.moe;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.mtan4j.blocks.resnet.DilatedResNet;
import org.mtan4j.blocks.segnet.SegNetTrunk;
import org.mtan4j.plugins.moe.encoder.ResNetEncoder;
import org.mtan4j.plugins.moe.encoder.SegNetEncoder;
import org.mtan4j.plugins.moe.encoder.StagedEncoder;

/**
 * The encoder options every backbone of this plugin has (YAML keys {@code encoder}, {@code filters},
 * {@code base-width}, {@code blocks}): which shared encoder each expert (or LTB column) copies.
 * <ul>
 *   <li>{@code encoder: resnet50-dilated} (the default, LibMTL's NYUv2 and CityScapes encoder): the
 *       dilated ResNet with {@code base-width} (64) and {@code blocks} per stage ({@code [3, 4, 6, 3]}),
 *       five stages (stem, {@code layer1..4}), features {@code (N, 32 base-width, H/8, W/8)} for the
 *       {@code deeplab} heads;</li>
 *   <li>{@code encoder: segnet}: the paper's SegNet encoder-decoder with {@code filters} (the paper's
 *       {@code [64, 128, 256, 512, 512]}), ten stages (five encoder, five decoder), features
 *       {@code (N, f0, H, W)} for the {@code segnet-*} heads.</li>
 * </ul>
 * The options of the other encoder are ignored. Images must be multiples of 32 with either.
 */
public interface EncoderOptions {

    /** The SegNet encoder-decoder. */
    String SEGNET = "segnet";

    /** The dilated ResNet. */
    String RESNET50_DILATED = "resnet50-dilated";

    /** The encoders, default first. */
    List<String> ENCODERS = List.of(RESNET50_DILATED, SEGNET);

    /** Which encoder. */
    String encoder();

    /** SegNet's five widths. */
    List<Integer> filters();

    /** The ResNet's base width. */
    int baseWidth();

    /** The ResNet's bottlenecks per stage. */
    List<Integer> blocks();

    /** The chosen encoder's stages. */
    default int stageCount() {
        return stageCount(encoder());
    }

    /** The stages of encoder {@code encoder}: ten for SegNet, five for the ResNet. */
    static int stageCount(String encoder) {
        return encoder.equals(SEGNET) ? 2 * SegNetTrunk.LEVELS : 1 + DilatedResNet.STAGES;
    }

    /** Makes copies of the chosen encoder for {@code inChannels}-channel images, a new one each call. */
    default Supplier<StagedEncoder> encoders(int inChannels) {
        return encoder().equals(SEGNET) ? () -> new SegNetEncoder(inChannels, filters())
                : () -> new ResNetEncoder(inChannels, baseWidth(), blocks());
    }

    /**
     * Checks the encoder's name and base width.
     *
     * @throws IllegalArgumentException naming the option that does not fit
     */
    static void check(String encoder, int baseWidth) {
        if (encoder == null || !ENCODERS.contains(encoder)) {
            throw new IllegalArgumentException("option 'encoder' must be one of " + ENCODERS + ", got "
                    + (encoder == null ? "nothing" : "'" + encoder + "'"));
        }
        if (baseWidth < 1) {
            throw new IllegalArgumentException("option 'base-width' must be positive, got " + baseWidth);
        }
    }

    /** Five positive widths, copied; otherwise an error naming option {@code filters}. */
    static List<Integer> checkFilters(List<Integer> filters) {
        Objects.requireNonNull(filters, "option 'filters' is missing");
        if (filters.size() != SegNetTrunk.LEVELS || filters.stream().anyMatch(f -> f == null || f < 1)) {
            throw new IllegalArgumentException("option 'filters' must list " + SegNetTrunk.LEVELS + " positive widths, got " + filters);
        }
        return List.copyOf(filters);
    }

    /** Four positive stage depths, copied; otherwise an error naming option {@code blocks}. */
    static List<Integer> checkBlocks(List<Integer> blocks) {
        Objects.requireNonNull(blocks, "option 'blocks' is missing");
        if (blocks.size() != DilatedResNet.STAGES || blocks.stream().anyMatch(b -> b == null || b < 1)) {
            throw new IllegalArgumentException("option 'blocks' must list " + DilatedResNet.STAGES + " positive stage depths, got " + blocks);
        }
        return List.copyOf(blocks);
    }

    /** {@code value} if at least {@code min}; otherwise an error naming the option. */
    static int atLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("option '" + option + "' must be at least " + min + ", got " + value);
        }
        return value;
    }
}
