package org.mtan4j.plugins.wrnmtan.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.Initializer;
import org.mtan4j.api.nd.Convolutions;

/**
 * Layer factories for WRN-MTAN with the reference's hyper-parameters and PyTorch's default
 * initialisation set on each parameter (a plain {@code block.initialize(...)} reproduces it).
 */
public final class Layers {

    /** BatchNorm epsilon, PyTorch's default. */
    public static final float BN_EPSILON = 1e-5f;

    /**
     * DJL momentum of PyTorch's default BatchNorm momentum 0.1: DJL keeps {@code momentum * running +
     * (1 - momentum) * batch}, PyTorch {@code (1 - momentum) * running + momentum * batch}.
     */
    public static final float BN_MOMENTUM = 0.9f;

    /**
     * DJL momentum of the final BatchNorm, which the reference builds with PyTorch momentum 0.9
     * (models.md, WRN-MTAN): the running statistics mostly follow the last batch.
     */
    public static final float FINAL_BN_MOMENTUM = 0.1f;

    private Layers() {
    }

    /**
     * A square convolution with bias, "same" padding ({@code kernel / 2}) and PyTorch's default init.
     *
     * @param in input channels (for the initialiser's fan)
     * @param out output channels
     * @param kernel odd kernel size
     * @param stride stride
     */
    public static Conv2d conv(int in, int out, int kernel, int stride) {
        if (in < 1 || out < 1 || kernel < 1 || kernel % 2 == 0 || stride < 1) {
            throw new IllegalArgumentException("convolution sizes must be positive (odd kernel): in " + in + ", out " + out
                    + ", kernel " + kernel + ", stride " + stride);
        }
        Conv2d conv = Convolutions.block(Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .setFilters(out)
                .optBias(true));
        Initializer init = PyTorchInit.defaultUniform((long) in * kernel * kernel);
        conv.setInitializer(init, Parameter.Type.WEIGHT);
        conv.setInitializer(init, Parameter.Type.BIAS);
        return conv;
    }

    /** A fully connected layer {@code in -> out} with bias and PyTorch's default init. */
    public static Linear linear(int in, int out) {
        Linear linear = Linear.builder().setUnits(out).optBias(true).build();
        Initializer init = PyTorchInit.defaultUniform(in);
        linear.setInitializer(init, Parameter.Type.WEIGHT);
        linear.setInitializer(init, Parameter.Type.BIAS);
        return linear;
    }

    /**
     * BatchNorm over channels, eps 1e-5; weight 1, bias 0.
     *
     * @param djlMomentum {@link #BN_MOMENTUM} or {@link #FINAL_BN_MOMENTUM}
     */
    public static BatchNorm batchNorm(float djlMomentum) {
        BatchNorm norm = BatchNorm.builder().optAxis(1).optEpsilon(BN_EPSILON).optMomentum(djlMomentum).build();
        norm.setInitializer(Initializer.ONES, Parameter.Type.GAMMA);
        norm.setInitializer(Initializer.ZEROS, Parameter.Type.BETA);
        return norm;
    }
}
