package org.mtan4j.blocks.sampling;

/**
 * One axis of a bilinear resize with {@code align_corners=True}, as PyTorch's CPU kernel computes it
 * ({@code area_pixel_compute_scale} and {@code area_pixel_compute_source_index}, in float): output index
 * {@code d} reads the input at {@code src = d * (in - 1) / (out - 1)} (0 when {@code out == 1}) and blends
 * the lower index {@code min(floor(src), in - 1)} with weight {@code 1 - frac} and the next index (the
 * lower one again at the last input) with weight {@code frac = src - lower}. When {@code in == out} the
 * axis is the identity: each output reads its own input with weight 1.
 *
 * <p>Plain Java, no engine: {@link AlignCornersBilinear} builds its interpolation matrices from
 * {@link #matrix()}, and the NYUv2 augmentation resizes its crops with the same positions and weights.
 * Immutable; the accessors return copies.
 */
public final class AlignCornersWeights {

    private final int in;
    private final int out;
    private final int[] lower;
    private final int[] upper;
    private final float[] lowerWeight;
    private final float[] upperWeight;

    private AlignCornersWeights(int in, int out) {
        this.in = in;
        this.out = out;
        lower = new int[out];
        upper = new int[out];
        lowerWeight = new float[out];
        upperWeight = new float[out];
        float scale = out > 1 ? (float) (in - 1) / (out - 1) : 0f;
        for (int d = 0; d < out; d++) {
            if (in == out) {
                lower[d] = d;
                upper[d] = d;
                lowerWeight[d] = 1f;
                upperWeight[d] = 0f;
                continue;
            }
            float src = scale * d;
            int i0 = Math.min((int) src, in - 1);
            float frac = src - i0;
            lower[d] = i0;
            upper[d] = i0 < in - 1 ? i0 + 1 : i0;
            lowerWeight[d] = 1f - frac;
            upperWeight[d] = frac;
        }
    }

    /**
     * The weights of resizing an {@code in}-long axis to {@code out}.
     *
     * @throws IllegalArgumentException if a size is not positive
     */
    public static AlignCornersWeights of(int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("sizes must be positive, got " + in + " -> " + out);
        }
        return new AlignCornersWeights(in, out);
    }

    /** The input length. */
    public int in() {
        return in;
    }

    /** The output length. */
    public int out() {
        return out;
    }

    /** Per output index, the lower input index it reads. */
    public int[] lowerIndices() {
        return lower.clone();
    }

    /** Per output index, the upper input index it reads (the lower one at the axis' end and for the identity). */
    public int[] upperIndices() {
        return upper.clone();
    }

    /** Per output index, the weight of its lower input, {@code 1 - frac}. */
    public float[] lowerWeights() {
        return lowerWeight.clone();
    }

    /** Per output index, the weight of its upper input, {@code frac}. */
    public float[] upperWeights() {
        return upperWeight.clone();
    }

    /**
     * The weights as a row-major {@code (out, in)} matrix: row {@code d} holds output {@code d}'s weights
     * over the input indices (at most two non-zero, summing to 1).
     */
    public float[] matrix() {
        float[] w = new float[out * in];
        for (int d = 0; d < out; d++) {
            w[d * in + lower[d]] += lowerWeight[d];
            w[d * in + upper[d]] += upperWeight[d];
        }
        return w;
    }
}
