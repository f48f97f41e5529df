package org.mtan4j.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import org.mtan4j.runtime.config.OptimizerConfig;

/**
 * What {@link PyTorchAdam} and {@link PyTorchSgd} share: PyTorch's update rules on DJL's optimiser
 * interface, a learning rate the schedule sets between epochs, resumable state, and the copies and
 * gradient reset their updates need.
 */
public abstract class PyTorchOptimizer extends Optimizer implements ResumableOptimizer {

    private volatile float learningRate;

    /** Starts at {@code learningRate}. */
    protected PyTorchOptimizer(float learningRate) {
        super(new Builder());
        this.learningRate = learningRate;
    }

    /** The optimiser a resolved (checked) configuration names. */
    public static PyTorchOptimizer create(OptimizerConfig config) {
        float lr = config.learningRate().floatValue();
        float wd = config.weightDecay().floatValue();
        return switch (config.name()) {
            case "adam" -> new PyTorchAdam(lr, config.betas().get(0).floatValue(), config.betas().get(1).floatValue(),
                    config.epsilon().floatValue(), wd);
            case "sgd" -> new PyTorchSgd(lr, config.momentum().floatValue(), config.nesterov(), wd);
            default -> throw new IllegalArgumentException("no optimiser '" + config.name() + "'; allowed: "
                    + String.join(", ", OptimizerConfig.NAMES));
        };
    }

    @Override
    public final float learningRate() {
        return learningRate;
    }

    @Override
    public final void setLearningRate(float learningRate) {
        this.learningRate = learningRate;
    }

    /**
     * Forgets every moment, buffer and restored state, as a freshly built PyTorch optimiser would start
     * (the paper's decathlon code builds a new one at its late-phase restart).
     */
    public abstract void resetState();

    /** A copy of {@code array} on {@code manager}'s device, owned by it. */
    static NDArray copy(NDArray array, NDManager manager) {
        NDArray copy = array.toDevice(manager.getDevice(), false).duplicate();
        copy.attach(manager);
        return copy;
    }

    /** The caller hands an update a reduced copy; the parameter's own gradient must restart from zero. */
    static void zeroOwnGradient(NDArray weight) {
        try (NDArray own = weight.getGradient()) {
            own.subi(own);
        }
    }

    /** DJL's optimiser base wants a builder; ours have no settings of their own there. */
    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
