package org.mtan4j.plugins.resnetmtan.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.mtan4j.api.nd.EngineArrays;

/**
 * Exact bilinear resizing with {@code align_corners=True}, as PyTorch's
 * {@code F.interpolate(x, size, mode='bilinear', align_corners=True)} (DJL's native resize
 * antialiases and ignores the flag). Output index {@code d} of an axis reads the input at
 * {@code src = d * (in - 1) / (out - 1)} (0 when {@code out == 1}) and blends {@code floor(src)} with
 * the next index using weights computed in float as PyTorch's CPU kernel; both axes are separable, so
 * the resize is {@code A_h . x . A_w^T}, differentiable in {@code x}.
 *
 * <p>The ResNet-MTAN head upsamples its output this way (models.md). The same code exists in the
 * SegNet plugin; a shared home (e.g. an {@code mtan-nn} module) would remove the duplicate.
 */
public final class Bilinear {

    private Bilinear() {
    }

    /**
     * Resizes the last two axes of {@code x (N, C, H, W)} to {@code height x width}.
     *
     * @throws IllegalArgumentException if {@code x} is not 4-D or a size is not positive
     */
    public static NDArray resizeAlignCorners(NDArray x, long height, long width) {
        Shape s = x.getShape();
        if (s.dimension() != 4 || height < 1 || width < 1) {
            throw new IllegalArgumentException("bilinear resize needs (N, C, H, W) and a positive size, got " + s
                    + " -> " + height + "x" + width);
        }
        if (s.get(2) == height && s.get(3) == width) {
            return x;
        }
        int inH = Math.toIntExact(s.get(2));
        int inW = Math.toIntExact(s.get(3));
        int outH = Math.toIntExact(height);
        int outW = Math.toIntExact(width);
        NDArray rows = matrix(x, weights(inH, outH), new Shape(outH, inH));
        NDArray columns = matrix(x, transpose(weights(inW, outW), outW, inW), new Shape(inW, outW));
        return rows.matMul(x.matMul(columns));
    }

    /**
     * One axis's weights, row-major {@code (out, in)}: row {@code d} holds output {@code d}'s weights
     * (at most two non-zero, summing to 1).
     */
    public static float[] weights(int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("sizes must be positive, got " + in + " -> " + out);
        }
        float[] w = new float[out * in];
        float scale = out > 1 ? (float) (in - 1) / (out - 1) : 0f;
        for (int d = 0; d < out; d++) {
            float src = scale * d;
            int i0 = Math.min((int) src, in - 1);
            int i1 = i0 < in - 1 ? i0 + 1 : i0;
            float frac = src - i0;
            w[d * in + i0] += 1f - frac;
            w[d * in + i1] += frac;
        }
        return w;
    }

    private static float[] transpose(float[] w, int rows, int cols) {
        float[] t = new float[w.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = w[r * cols + c];
            }
        }
        return t;
    }

    private static NDArray matrix(NDArray like, float[] values, Shape shape) {
        // Autograd keeps the matrix for the backward pass, after `wrapped` and its Java buffer are gone.
        try (NDArray wrapped = like.getManager().create(values, shape)) {
            return EngineArrays.ownedCopy(wrapped, like.getDataType(), like.getDevice());
        }
    }
}
