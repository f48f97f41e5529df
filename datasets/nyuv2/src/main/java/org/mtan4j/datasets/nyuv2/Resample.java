package org.mtan4j.datasets.nyuv2;

import org.mtan4j.blocks.sampling.AlignCornersWeights;

/**
 * Precomputed source positions and weights for resizing an {@code in}-long axis to {@code out},
 * the way PyTorch's CPU {@code F.interpolate} computes them in float arithmetic, so that the
 * augmentation matches the reference code ({@code RandomScaleCrop} in im2im_pred/create_dataset.py):
 * <ul>
 *   <li>bilinear, {@code align_corners=True}: {@link AlignCornersWeights}, the positions and weights the
 *       networks' resize uses too (identity when {@code in == out});</li>
 *   <li>nearest (PyTorch's legacy {@code 'nearest'}): identity when {@code in == out}, {@code dst >> 1}
 *       when {@code out == 2 in}, else {@code min(floor(dst * (in/out)), in-1)} with a float ratio.</li>
 * </ul>
 * Immutable, so one instance serves all loader threads.
 */
final class Resample {

    final int in;
    final int out;
    /** Bilinear lower and upper source index per output position. */
    final int[] lo;
    final int[] hi;
    /** Bilinear weights of the lower and upper source. */
    final float[] wLo;
    final float[] wHi;
    /** Nearest source index per output position. */
    final int[] nearest;

    Resample(int in, int out) {
        this.in = in;
        this.out = out;
        AlignCornersWeights bilinear = AlignCornersWeights.of(in, out);
        lo = bilinear.lowerIndices();
        hi = bilinear.upperIndices();
        wLo = bilinear.lowerWeights();
        wHi = bilinear.upperWeights();
        nearest = new int[out];
        float nearestRatio = (float) in / out;
        for (int d = 0; d < out; d++) {
            if (in == out) {
                nearest[d] = d;
            } else if (out == 2 * in) {
                nearest[d] = d >> 1;
            } else {
                nearest[d] = Math.min((int) Math.floor(d * nearestRatio), in - 1);
            }
        }
    }
}
