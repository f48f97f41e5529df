package org.mtan4j.blocks.sampling;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mtan4j.api.nd.EngineArrays;

/**
 * Exact bilinear resizing with {@code align_corners=True}, as PyTorch's
 * {@code F.interpolate(x, size, mode='bilinear', align_corners=True)}; DJL's native interpolation
 * antialiases and ignores the flag (models.md, MTAN's decoder upsamples this way).
 *
 * <p>Each axis's weights are {@link AlignCornersWeights}' (computed in float as PyTorch's CPU kernel
 * does). Both axes are separable, so the resize is two small matrix products
 * {@code A_h (outH x H) . x . A_w^T (W x outW)}, differentiable in {@code x}. SegNet-MTAN's decoder
 * upsamples by 2 this way and the DeepLab head of ResNet-MTAN resizes its prediction to the input size.
 *
 * <p>The matrices depend only on the sizes, the device and the data type: they are built once per
 * such key and kept in a thread-safe cache, in a manager of their own per device that lives as long
 * as the class (a few kilobytes per size; a run uses a handful of sizes).
 */
public final class AlignCornersBilinear {

    private static final Map<Key, NDArray> MATRICES = new ConcurrentHashMap<>();
    private static final Map<Device, NDManager> MANAGERS = new ConcurrentHashMap<>();

    private AlignCornersBilinear() {
    }

    /**
     * Doubles height and width ({@code scale_factor=2}, as MTAN's decoder).
     *
     * @param x {@code (N, C, H, W)}
     * @return {@code (N, C, 2H, 2W)}
     */
    public static NDArray upsample2x(NDArray x) {
        Shape s = x.getShape();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("bilinear upsampling needs (N, C, H, W), got " + s);
        }
        return resize(x, 2 * s.get(2), 2 * s.get(3));
    }

    /**
     * Resizes the last two axes.
     *
     * @param x {@code (N, C, H, W)}, floating point
     * @param height output height, positive
     * @param width output width, positive
     * @return {@code (N, C, height, width)}, attached to {@code x}'s manager
     * @throws IllegalArgumentException if {@code x} is not 4-dimensional or a size is not positive
     */
    public static NDArray resize(NDArray x, long height, long width) {
        Shape s = x.getShape();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("bilinear resizing needs (N, C, H, W), got " + s);
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("output size must be positive, got " + height + "x" + width);
        }
        Device device = x.getDevice();
        DataType type = x.getDataType();
        NDArray rows = matrix(Math.toIntExact(s.get(2)), Math.toIntExact(height), false, device, type);
        NDArray columns = matrix(Math.toIntExact(s.get(3)), Math.toIntExact(width), true, device, type);
        // x first: the product belongs to x's manager; the second product belongs to the cache's
        // manager (its first operand) and is handed back to x's.
        NDArray half = x.matMul(columns);
        NDArray out = rows.matMul(half);
        out.attach(x.getManager());
        half.close();
        return out;
    }

    private static NDArray matrix(int in, int out, boolean transposed, Device device, DataType type) {
        return MATRICES.computeIfAbsent(new Key(in, out, transposed, device, type), key -> {
            NDManager manager = MANAGERS.computeIfAbsent(device, d -> Engine.getInstance().newBaseManager(d));
            float[] w = AlignCornersWeights.of(in, out).matrix();
            Shape shape = new Shape(out, in);
            if (transposed) {
                float[] t = new float[w.length];
                for (int d = 0; d < out; d++) {
                    for (int i = 0; i < in; i++) {
                        t[i * out + d] = w[d * in + i];
                    }
                }
                w = t;
                shape = new Shape(in, out);
            }
            // The matrix is cached, and autograd reads it in backward passes, long after `wrapped`.
            try (NDArray wrapped = manager.create(w, shape)) {
                return EngineArrays.ownedCopy(wrapped, type, device);
            }
        });
    }

    private record Key(int in, int out, boolean transposed, Device device, DataType type) {
    }
}
