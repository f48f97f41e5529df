package org.mtan4j.blocks;

import ai.djl.training.initializer.Initializer;

/**
 * How a convolution's weight and bias start, by the PyTorch rule each reference model uses
 * (models.md, "Variants", Init; ResNet-MTAN; WRN-MTAN). {@link Layers#conv} sets them on the
 * parameters themselves.
 */
public enum ConvInit {

    /** {@code xavier_normal_} weight, bias 0: the paper's SegNet models. */
    XAVIER_NORMAL,

    /** {@code xavier_uniform_} weight, bias 0: the paper's dense and cross-stitch {@code conv_layer} chains. */
    XAVIER_UNIFORM,

    /**
     * torchvision ResNet's {@code kaiming_normal_(mode='fan_out', nonlinearity='relu')} weight (the
     * ResNet-MTAN trunk, whose convolutions have no bias; a bias would start as PyTorch's default).
     */
    KAIMING_NORMAL_FAN_OUT,

    /**
     * PyTorch's {@code nn.Conv2d} default ({@code reset_parameters}): weight and bias uniform in
     * {@code +-1 / sqrt(fan_in)}; everything outside ResNet-MTAN's trunk and all of WRN-MTAN.
     */
    PYTORCH_DEFAULT;

    /** The weight's initialiser for a layer with the given fans ({@code channels * kh * kw}). */
    Initializer weight(long fanIn, long fanOut) {
        return switch (this) {
            case XAVIER_NORMAL -> PyTorchInit.XAVIER_NORMAL;
            case XAVIER_UNIFORM -> PyTorchInit.XAVIER_UNIFORM;
            case KAIMING_NORMAL_FAN_OUT -> PyTorchInit.kaimingNormalFanOut(fanOut);
            case PYTORCH_DEFAULT -> PyTorchInit.defaultUniform(fanIn);
        };
    }

    /** The bias's initialiser for a layer with {@code fanIn} inputs per output. */
    Initializer bias(long fanIn) {
        return this == XAVIER_NORMAL || this == XAVIER_UNIFORM ? Initializer.ZEROS : PyTorchInit.defaultUniform(fanIn);
    }
}
