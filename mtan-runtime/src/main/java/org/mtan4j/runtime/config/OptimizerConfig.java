package org.mtan4j.runtime.config;

import java.util.List;

/**
 * The optimiser: Adam with PyTorch's update rule. Defaults are the paper's (Adam, lr 1e-4, PyTorch's
 * default betas and epsilon, no weight decay; models.md "Losses, metrics, training").
 *
 * @param name {@code adam}, the only one so far
 * @param learningRate the initial learning rate
 * @param betas the two moment decay rates
 * @param epsilon added to the denominator, after the bias correction as PyTorch does
 * @param weightDecay L2 penalty added to the gradient (PyTorch's Adam {@code weight_decay})
 */
public record OptimizerConfig(String name, Double learningRate, List<Double> betas, Double epsilon, Double weightDecay) {

    /** Fills absent values with the defaults. */
    public OptimizerConfig {
        name = name == null ? "adam" : name;
        learningRate = learningRate == null ? 1e-4 : learningRate;
        betas = betas == null ? List.of(0.9, 0.999) : List.copyOf(betas);
        epsilon = epsilon == null ? 1e-8 : epsilon;
        weightDecay = weightDecay == null ? 0.0 : weightDecay;
    }

    /** All defaults. */
    public static OptimizerConfig defaults() {
        return new OptimizerConfig(null, null, null, null, null);
    }
}
