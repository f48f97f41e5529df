package org.mtan4j.plugins.wrnmtan.nn;

import ai.djl.training.initializer.Initializer;

/**
 * PyTorch's default initialisation of {@code nn.Conv2d} and {@code nn.Linear}
 * ({@code reset_parameters}) as DJL {@link Initializer}s: weight {@code kaiming_uniform_(a=sqrt(5))},
 * i.e. uniform in {@code +-gain * sqrt(3 / fan_in)} with {@code gain = sqrt(2 / (1 + 5))}, which is
 * {@code +-1 / sqrt(fan_in)}; bias uniform in {@code +-1 / sqrt(fan_in)}. The WRN reference defines a
 * Xavier {@code conv_init} but never applies it, so every layer of WRN-MTAN starts this way;
 * BatchNorm at weight 1, bias 0 ({@link Layers#batchNorm(float)}).
 */
public final class PyTorchInit {

    private PyTorchInit() {
    }

    /** Uniform in {@code [-bound, bound)}. */
    public static Initializer uniform(double bound) {
        float b = (float) bound;
        return (manager, shape, dataType) -> manager.randomUniform(-b, b, shape, dataType);
    }

    /** Normal with mean 0 and standard deviation {@code std}. */
    public static Initializer normal(double std) {
        float s = (float) std;
        return (manager, shape, dataType) -> manager.randomNormal(0f, s, shape, dataType);
    }

    /** PyTorch's default weight and bias initialiser for a layer with {@code fanIn} inputs per output. */
    public static Initializer defaultUniform(long fanIn) {
        if (fanIn < 1) {
            throw new IllegalArgumentException("fan_in must be positive, got " + fanIn);
        }
        return uniform(1.0 / Math.sqrt(fanIn));
    }
}
