package org.mtan4j.plugins.resnetmtan;

import java.util.List;
import java.util.Objects;

/**
 * Options of the {@code deeplab} head (YAML keys {@code channels}, {@code rates}, {@code dropout},
 * {@code upsample}).
 *
 * @param channels width of the ASPP branches and of the following 3x3 convolution; the paper's 256
 * @param rates the three atrous rates of the 3x3 ASPP branches; the paper's {@code [12, 24, 36]}
 * @param dropout dropout rate after the ASPP projection; the paper's 0.5
 * @param upsample factor from the feature map to the prediction (bilinear, align-corners); 8, the
 *     backbone's output stride, gives predictions at the input size as the paper; 1 keeps the size
 */
public record DeepLabOptions(int channels, List<Integer> rates, double dropout, int upsample) {

    /** The paper's head. */
    public static final DeepLabOptions DEFAULT = new DeepLabOptions(256, List.of(12, 24, 36), 0.5, 8);

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException naming the option that does not fit
     */
    public DeepLabOptions {
        if (channels < 1) {
            throw new IllegalArgumentException("option 'channels' must be positive, got " + channels);
        }
        Objects.requireNonNull(rates, "option 'rates' is missing");
        if (rates.size() != 3 || rates.stream().anyMatch(r -> r == null || r < 1)) {
            throw new IllegalArgumentException("option 'rates' must list 3 positive atrous rates, got " + rates);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("option 'dropout' must be in [0, 1), got " + dropout);
        }
        if (upsample < 1) {
            throw new IllegalArgumentException("option 'upsample' must be positive, got " + upsample);
        }
        rates = List.copyOf(rates);
    }
}
