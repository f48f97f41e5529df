package org.mtan4j.datasets.nyuv2;

/**
 * Precomputed source positions and weights for resizing an {@code in}-long axis to {@code out},
 * the way PyTorch's CPU {@code F.interpolate} computes them in float arithmetic, so that the
 * augmentation matches the reference code ({@code RandomScaleCrop} in im2im_pred/create_dataset.py):
 * <ul>
 *   <li>bilinear, {@code align_corners=True}: ratio {@code (in-1)/(out-1)} (0 when out is 1),
 *       source {@code ratio * dst}, lower index {@code min(floor(src), in-1)}, upper index one more
 *       unless at the edge, weight of the upper {@code clamp(src - lower, 0, 1)}; identity when
 *       {@code in == out};</li>
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
        lo = new int[out];
        hi = new int[out];
        wLo = new float[out];
        wHi = new float[out];
        nearest = new int[out];
        float ratio = out > 1 ? (float) (in - 1) / (out - 1) : 0f;
        float nearestRatio = (float) in / out;
        for (int d = 0; d < out; d++) {
            if (in == out) {
                lo[d] = d;
                hi[d] = d;
                wLo[d] = 1f;
                wHi[d] = 0f;
            } else {
                float src = ratio * d;
                int i0 = Math.min((int) Math.floor(src), in - 1);
                float lambda = Math.min(Math.max(src - i0, 0f), 1f);
                lo[d] = i0;
                hi[d] = i0 + (i0 < in - 1 ? 1 : 0);
                wHi[d] = lambda;
                wLo[d] = 1f - lambda;
            }
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
