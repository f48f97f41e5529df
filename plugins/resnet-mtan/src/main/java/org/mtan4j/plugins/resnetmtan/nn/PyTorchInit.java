package org.mtan4j.plugins.resnetmtan.nn;

import ai.djl.training.initializer.Initializer;

/**
 * The initialisers of the reference's PyTorch modules, as DJL {@link Initializer}s. The fan is known
 * when a layer is built (every layer here is built with its input channels), so each initialiser is
 * made for one layer.
 *
 * <ul>
 *   <li>PyTorch's default for {@code nn.Conv2d} / {@code nn.Linear} ({@code reset_parameters}):
 *       weight {@code kaiming_uniform_(a=sqrt(5))}, i.e. uniform in {@code +-gain * sqrt(3 / fan_in)}
 *       with {@code gain = sqrt(2 / (1 + 5))}, which is {@code +-1 / sqrt(fan_in)}; bias uniform in
 *       {@code +-1 / sqrt(fan_in)}. models.md: "non-backbone parts use PyTorch's default init".</li>
 *   <li>torchvision's ResNet init for its convolutions: {@code kaiming_normal_(mode='fan_out',
 *       nonlinearity='relu')}, i.e. normal with standard deviation {@code sqrt(2 / fan_out)},
 *       {@code fan_out = out_channels * kh * kw}.</li>
 * </ul>
 * BatchNorm starts at weight 1, bias 0 in both ({@link Layers#batchNorm()}).
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

    /** torchvision ResNet's convolution initialiser for {@code fanOut = out_channels * kh * kw}. */
    public static Initializer kaimingNormalFanOut(long fanOut) {
        if (fanOut < 1) {
            throw new IllegalArgumentException("fan_out must be positive, got " + fanOut);
        }
        return normal(Math.sqrt(2.0 / fanOut));
    }
}
