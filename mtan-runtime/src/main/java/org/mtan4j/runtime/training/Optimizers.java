package org.mtan4j.runtime.training;

import ai.djl.training.optimizer.Optimizer;
import org.mtan4j.runtime.config.OptimizerConfig;

/** Builds the optimiser a configuration names, with PyTorch's update rule, and sets its learning rate. */
final class Optimizers {

    private Optimizers() {
    }

    /** {@link PyTorchAdam} or {@link PyTorchSgd}, from a resolved (checked) configuration. */
    static Optimizer create(OptimizerConfig config) {
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

    /** Sets the learning rate of an optimiser {@link #create} built. */
    static void setLearningRate(Optimizer optimizer, double learningRate) {
        if (optimizer instanceof PyTorchSgd sgd) {
            sgd.setLearningRate((float) learningRate);
        } else {
            ((PyTorchAdam) optimizer).setLearningRate((float) learningRate);
        }
    }

    /** Frees what {@code optimizer} holds between steps, when it can (a restart replaces it). */
    static void release(Optimizer optimizer) {
        if (optimizer instanceof PyTorchSgd sgd) {
            sgd.resetState();
        }
    }
}
