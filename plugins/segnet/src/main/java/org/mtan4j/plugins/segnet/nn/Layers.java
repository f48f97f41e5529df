package org.mtan4j.plugins.segnet.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;

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
        Conv2d conv = Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .setFilters(outChannels)
                .optBias(true)
                .build();
        conv.setInitializer(weightInit, Parameter.Type.WEIGHT);
        conv.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
        return conv;
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
