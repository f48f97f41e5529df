package org.mtan4j.plugins.resnetmtan.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.Initializer;
import org.mtan4j.api.nd.Convolutions;

/**
 * Layer factories with the reference's hyper-parameters and initialisation set on each parameter, so
 * a plain {@code block.initialize(...)} reproduces the reference (do not override them with
 * {@code block.setInitializer}).
 */
public final class Layers {

    /** BatchNorm epsilon, PyTorch's default. */
    public static final float BN_EPSILON = 1e-5f;

    /**
     * BatchNorm momentum in DJL's convention ({@code momentum * running + (1 - momentum) * batch}):
     * 0.9 is PyTorch's default momentum 0.1 (models.md, Building blocks).
     */
    public static final float BN_MOMENTUM = 0.9f;

    /** How a convolution's weight starts. */
    public enum ConvInit {
        /** torchvision ResNet: Kaiming-normal over fan-out (the ResNet trunk). */
        RESNET,
        /** PyTorch's default (everything outside the ResNet trunk, models.md). */
        PYTORCH_DEFAULT
    }

    private Layers() {
    }

    /**
     * A square 2-D convolution.
     *
     * @param in input channels (needed for the initialiser's fan)
     * @param out output channels
     * @param kernel kernel size
     * @param stride stride
     * @param dilation dilation; padding is {@code dilation * (kernel / 2)} ("same" at stride 1)
     * @param bias whether the convolution has a bias (PyTorch default init for it)
     * @param init the weight initialiser
     */
    public static Conv2d conv(int in, int out, int kernel, int stride, int dilation, boolean bias, ConvInit init) {
        if (in < 1 || out < 1 || kernel < 1 || stride < 1 || dilation < 1) {
            throw new IllegalArgumentException("convolution sizes must be positive: in " + in + ", out " + out
                    + ", kernel " + kernel + ", stride " + stride + ", dilation " + dilation);
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
        Initializer weight = init == ConvInit.RESNET
                ? PyTorchInit.kaimingNormalFanOut((long) out * kernel * kernel)
                : PyTorchInit.defaultUniform(fanIn);
        conv.setInitializer(weight, Parameter.Type.WEIGHT);
        if (bias) {
            conv.setInitializer(PyTorchInit.defaultUniform(fanIn), Parameter.Type.BIAS);
        }
        return conv;
    }

    /** BatchNorm over channels, eps 1e-5, PyTorch momentum 0.1; weight 1, bias 0. */
    public static BatchNorm batchNorm() {
        BatchNorm norm = BatchNorm.builder().optAxis(1).optEpsilon(BN_EPSILON).optMomentum(BN_MOMENTUM).build();
        norm.setInitializer(Initializer.ONES, Parameter.Type.GAMMA);
        norm.setInitializer(Initializer.ZEROS, Parameter.Type.BETA);
        return norm;
    }

    /** Output size of a convolution or pooling along one axis. */
    public static long outSize(long in, int kernel, int stride, int padding, int dilation) {
        return (in + 2L * padding - (long) dilation * (kernel - 1) - 1) / stride + 1;
    }
}
