package org.mtan4j.blocks;

import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;

/**
 * The initialisers of the reference's PyTorch modules, as DJL {@link Initializer}s. The fan is known
 * when a layer is built (every layer is built with its input channels), so the fan-based ones are made
 * for one layer.
 *
 * <ul>
 *   <li>{@code torch.nn.init.xavier_normal_} and {@code xavier_uniform_} (the paper's SegNet models).</li>
 *   <li>PyTorch's default for {@code nn.Conv2d} / {@code nn.Linear} ({@code reset_parameters}):
 *       weight {@code kaiming_uniform_(a=sqrt(5))}, i.e. uniform in {@code +-gain * sqrt(3 / fan_in)}
 *       with {@code gain = sqrt(2 / (1 + 5))}, which is {@code +-1 / sqrt(fan_in)}; bias uniform in
 *       {@code +-1 / sqrt(fan_in)}. models.md: ResNet-MTAN's "non-backbone parts use PyTorch's default
 *       init"; the WRN reference defines a Xavier {@code conv_init} but never applies it.</li>
 *   <li>torchvision's ResNet init for its convolutions: {@code kaiming_normal_(mode='fan_out',
 *       nonlinearity='relu')}, i.e. normal with standard deviation {@code sqrt(2 / fan_out)},
 *       {@code fan_out = out_channels * kh * kw}.</li>
 * </ul>
 * BatchNorm starts at weight 1, bias 0 in all of them ({@link Layers#batchNorm()}).
 */
public final class PyTorchInit {

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
