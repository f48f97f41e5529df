package org.mtan4j.blocks;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.Arrays;
import org.mtan4j.api.nd.Convolutions;

/**
 * Layer factories with the reference's hyper-parameters and initialisation already set on each
 * parameter (models.md, "Building blocks"), so a plain {@code block.initialize(manager, dataType,
 * shape)} reproduces the reference; do not call {@code block.setInitializer(..., Parameter.Type.WEIGHT)}
 * on a model built from these layers, it would replace them. Also the convolution of a concatenation's
 * parts without making the concatenation ({@link #convolveParts}).
 */
public final class Layers {

    /** BatchNorm epsilon, as PyTorch's default. */
    public static final float BN_EPSILON = 1e-5f;

    /**
     * BatchNorm momentum in DJL's convention: DJL keeps {@code momentum * running + (1 - momentum) *
     * batch}, and its PyTorch engine passes {@code 1 - momentum} to {@code torch.batch_norm}
     * (PtNDArrayEx.batchNorm); 0.9 here is PyTorch's default momentum 0.1.
     */
    public static final float BN_MOMENTUM = 0.9f;

    private Layers() {
    }

    /**
     * A square convolution with bias, stride 1 and "same" padding ({@code kernel / 2}).
     *
     * @param in input channels (for the initialiser's fan)
     * @param out output channels
     * @param kernel kernel size, odd (3 for conv units, 1 for attention and prediction layers)
     * @param init how weight and bias start
     * @throws IllegalArgumentException if a size is not positive or the kernel is even
     */
    public static Conv2d conv(int in, int out, int kernel, ConvInit init) {
        return conv(in, out, kernel, 1, 1, true, init);
    }

    /**
     * A square convolution.
     *
     * @param in input channels (for the initialiser's fan)
     * @param out output channels
     * @param kernel kernel size, odd
     * @param stride stride
     * @param dilation dilation; padding is {@code dilation * (kernel / 2)} ("same" at stride 1)
     * @param bias whether the convolution has a bias
     * @param init how weight and bias start
     * @throws IllegalArgumentException if a size is not positive or the kernel is even
     */
    public static Conv2d conv(int in, int out, int kernel, int stride, int dilation, boolean bias, ConvInit init) {
        if (in < 1 || out < 1 || kernel < 1 || kernel % 2 == 0 || stride < 1 || dilation < 1) {
            throw new IllegalArgumentException("convolution sizes must be positive and the kernel odd: in " + in + ", out "
                    + out + ", kernel " + kernel + ", stride " + stride + ", dilation " + dilation);
        }
        int pad = dilation * (kernel / 2);
        Conv2d conv = Convolutions.block(Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad))
                .optDilation(new Shape(dilation, dilation))
                .setFilters(out)
                .optBias(bias));
        long fanIn = (long) in * kernel * kernel;
        conv.setInitializer(init.weight(fanIn, (long) out * kernel * kernel), Parameter.Type.WEIGHT);
        if (bias) {
            conv.setInitializer(init.bias(fanIn), Parameter.Type.BIAS);
        }
        return conv;
    }

    /** A fully connected layer {@code in -> out} with bias and PyTorch's default init. */
    public static Linear linear(int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("linear sizes must be positive: in " + in + ", out " + out);
        }
        Linear linear = Linear.builder().setUnits(out).optBias(true).build();
        Initializer init = PyTorchInit.defaultUniform(in);
        linear.setInitializer(init, Parameter.Type.WEIGHT);
        linear.setInitializer(init, Parameter.Type.BIAS);
        return linear;
    }

    /** Output size of a convolution or pooling along one axis. */
    public static long outSize(long in, int kernel, int stride, int padding, int dilation) {
        return (in + 2L * padding - (long) dilation * (kernel - 1) - 1) / stride + 1;
    }

    /**
     * A convolution made by {@link #conv} applied to the channel-wise concatenation of {@code parts},
     * without making it: the sum of each part's convolution with its slice of the weights (the bias
     * added once). Autograd then keeps the parts, which their producers keep anyway, instead of a
     * concatenated copy of them; the values differ from the concatenation's only by summation order.
     *
     * @param conv an initialised square convolution with bias, stride 1 and padding {@code kernel / 2}
     * @param parts {@code (N, c_k, H, W)} with the same N, H and W, the channels adding up to the
     *     convolution's input channels, in the concatenation's order
     * @return {@code (N, out, H, W)}, attached to the first part's manager
     */
    public static NDArray convolveParts(ParameterStore parameterStore, Conv2d conv, NDList parts, boolean training) {
        Device device = parts.get(0).getDevice();
        NDArray weight = parameterStore.getValue(conv.getParameters().get("weight"), device, training);
        NDArray bias = parameterStore.getValue(conv.getParameters().get("bias"), device, training);
        long pad = weight.getShape().get(2) / 2;
        Shape stride = new Shape(1, 1);
        Shape padding = new Shape(pad, pad);
        Shape dilation = new Shape(1, 1);
        NDArray sum = null;
        long from = 0;
        for (NDArray part : parts) {
            long channels = part.getShape().get(1);
            // The slice is a view attached to the weight's manager: closed here, or every step would add one there.
            try (NDArray slice = weight.get(new NDIndex(":, {}:{}", from, from + channels))) {
                NDArray y = Convolutions.conv2d(part, slice, sum == null ? bias : null, stride, padding, dilation);
                if (sum == null) {
                    sum = y;
                } else {
                    sum.addi(y);
                    y.close();
                }
            }
            from += channels;
        }
        return sum;
    }

    /** The shape {@code (N, channels, H, W)} of a map with {@code in}'s batch size, height and width. */
    public static Shape withChannels(Shape in, long channels) {
        return new Shape(in.get(0), channels, in.get(2), in.get(3));
    }

    /**
     * Checks a block's input.
     *
     * @param block the block, for the message
     * @return {@code in}
     * @throws IllegalArgumentException unless {@code in} is {@code (N, channels, H, W)}
     */
    public static Shape requireInput(String block, long channels, Shape in) {
        if (in.dimension() != 4 || in.get(1) != channels) {
            throw new IllegalArgumentException(block + " expects (N, " + channels + ", H, W), got " + in);
        }
        return in;
    }

    /**
     * Checks a block's input given whole or as the channel-wise parts of a concatenation
     * ({@link #convolveParts}).
     *
     * @param block the block, for the message
     * @return the shape of the parts' concatenation
     * @throws IllegalArgumentException unless the parts share N, H and W and their channels add up to {@code channels}
     */
    public static Shape requireParts(String block, long channels, Shape... parts) {
        Shape in = concatenatedShape(parts);
        if (in == null || in.get(1) != channels) {
            throw new IllegalArgumentException(block + " expects (N, " + channels + ", H, W) or channel-wise parts of it, got "
                    + Arrays.toString(parts));
        }
        return in;
    }

    /**
     * As {@link #requireParts(String, long, Shape...)} for the arrays themselves.
     *
     * @return {@code parts}
     */
    public static NDList requireParts(String block, long channels, NDList parts) {
        requireParts(block, channels, parts.getShapes());
        return parts;
    }

    /**
     * The shape of the channel-wise concatenation of {@code parts}, or null when they cannot be
     * concatenated (none, not 4-D, or differing in N, H or W).
     */
    public static Shape concatenatedShape(Shape... parts) {
        if (parts.length == 0) {
            return null;
        }
        Shape first = parts[0];
        long channels = 0;
        for (Shape part : parts) {
            if (part.dimension() != 4 || part.get(0) != first.get(0) || part.get(2) != first.get(2)
                    || part.get(3) != first.get(3)) {
                return null;
            }
            channels += part.get(1);
        }
        return new Shape(first.get(0), channels, first.get(2), first.get(3));
    }

    /** BatchNorm over the channel axis with eps 1e-5 and PyTorch momentum 0.1; weight 1, bias 0. */
    public static BatchNorm batchNorm() {
        return batchNorm(BN_MOMENTUM);
    }

    /**
     * BatchNorm over the channel axis with eps 1e-5 and the given momentum; weight 1, bias 0.
     *
     * @param djlMomentum the momentum in DJL's convention ({@link #BN_MOMENTUM} for PyTorch's 0.1)
     */
    public static BatchNorm batchNorm(float djlMomentum) {
        BatchNorm norm = BatchNorm.builder()
                .optAxis(1)
                .optEpsilon(BN_EPSILON)
                .optMomentum(djlMomentum)
                .build();
        // These are DJL's defaults for GAMMA/BETA; set explicitly so the paper's init does not
        // depend on them.
        norm.setInitializer(Initializer.ONES, Parameter.Type.GAMMA);
        norm.setInitializer(Initializer.ZEROS, Parameter.Type.BETA);
        return norm;
    }
}
