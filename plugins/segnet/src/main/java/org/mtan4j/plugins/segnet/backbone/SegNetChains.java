package org.mtan4j.plugins.segnet.backbone;

import java.util.ArrayList;
import java.util.List;

/**
 * Channel widths of the reference's {@code conv_layer(channels, bottle_neck)} chains in the dense and
 * cross-stitch models (models.md, "Variants"): two convolutions at levels 0 and 1 ("bottle neck"),
 * three deeper, the first changing the width.
 */
final class SegNetChains {

    private SegNetChains() {
    }

    /** Encoder stage {@code s}: {@code in -> f[s] -> f[s]} (s = 0, 1) or {@code in -> f[s] x3}. */
    static List<Integer> encoder(int stage, int in, List<Integer> filters) {
        return chain(in, filters.get(stage), stage < 2 ? 2 : 3);
    }

    /**
     * Decoder level {@code L >= 1}: {@code in -> f[L-1] -> f[L-1]} (L = 1) or {@code in -> f[L-1] x3};
     * level 0 differs per model and is spelled out by the caller.
     */
    static List<Integer> decoder(int level, int in, List<Integer> filters) {
        if (level < 1) {
            throw new IllegalArgumentException("level 0 is model-specific");
        }
        return chain(in, filters.get(level - 1), level < 2 ? 2 : 3);
    }

    private static List<Integer> chain(int in, int out, int convolutions) {
        List<Integer> widths = new ArrayList<>();
        widths.add(in);
        for (int k = 0; k < convolutions; k++) {
            widths.add(out);
        }
        return widths;
    }
}
