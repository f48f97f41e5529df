package org.mtan4j.plugins.segnet.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;
import ai.djl.training.initializer.XavierInitializer;
import org.mtan4j.api.nd.Convolutions;

/**
 * Factories for the layers of the paper's SegNet models, with the paper's initialisation already set
 * on each parameter (models.md, "Variants", Init): convolution weights Xavier-normal, biases 0,
 * BatchNorm weight 1 and bias 0, running mean 0 and variance 1.
 *
 * <p>The initialisers are set on the parameters themselves, so a plain
 * {@code block.initialize(manager, dataType, shape)} reproduces the paper; do not call
 * {@code block.setInitializer(..., Parameter.Type.WEIGHT)} on a model built from these layers, it
 * would replace them.
 */
public final class Layers {

    /**
     * Xavier-normal as {@code torch.nn.init.xavier_normal_}: standard deviation
     * {@code sqrt(2 / (fan_in + fan_out))} with {@code fan = channels * kh * kw}. DJL's
     * {@link XavierInitializer} with {@code AVG} uses {@code sqrt(magnitude / ((fan_in + fan_out) / 2))},
     * so magnitude 1 gives exactly that (its fans are channels times the kernel size as well).
     */
    public static final Initializer XAVIER_NORMAL = new XavierInitializer(RandomType.GAUSSIAN, FactorType.AVG, 1f);

    /**
     * Xavier-uniform as {@code torch.nn.init.xavier_uniform_}: bound {@code sqrt(6 / (fan_in + fan_out))}
     * = {@code sqrt(3 / avg)}; the paper's dense and cross-stitch models use it.
     */
    public static final Initializer XAVIER_UNIFORM = new XavierInitializer(RandomType.UNIFORM, FactorType.AVG, 3f);

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
     * A square convolution with bias, stride 1 and "same" padding ({@code kernel / 2}), its weight
     * initialised Xavier-normal and its bias 0.
     *
     * @param outChannels output channels (input channels are taken from the input at initialisation)
     * @param kernel kernel size, odd (3 for the conv units, 1 for the prediction layer)
     */
    public static Conv2d conv(int outChannels, int kernel) {
        return conv(outChannels, kernel, XAVIER_NORMAL);
    }

    /** As {@link #conv(int, int)} with the given weight initialiser. */
    public static Conv2d conv(int outChannels, int kernel, Initializer weightInit) {
        if (outChannels < 1) {
            throw new IllegalArgumentException("outChannels must be positive, got " + outChannels);
        }
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("kernel must be odd and positive, got " + kernel);
        }
        Conv2d conv = Convolutions.block(Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .setFilters(outChannels)
                .optBias(true));
        conv.setInitializer(weightInit, Parameter.Type.WEIGHT);
        conv.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
        return conv;
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
        BatchNorm norm = BatchNorm.builder()
                .optAxis(1)
                .optEpsilon(BN_EPSILON)
                .optMomentum(BN_MOMENTUM)
                .build();
        // These are DJL's defaults for GAMMA/BETA; set explicitly so the paper's init does not
        // depend on them.
        norm.setInitializer(Initializer.ONES, Parameter.Type.GAMMA);
        norm.setInitializer(Initializer.ZEROS, Parameter.Type.BETA);
        return norm;
    }
}
