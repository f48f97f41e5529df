package org.mtan4j.runtime.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The optimiser, with PyTorch's update rule: {@code adam} ({@code torch.optim.Adam}) or {@code sgd}
 * ({@code torch.optim.SGD}, dampening 0). Defaults are the paper's for NYUv2 (Adam, lr 1e-4, PyTorch's
 * default betas and epsilon, no weight decay; models.md "Losses, metrics, training"); the decathlon's
 * SGD is lr 0.1, Nesterov momentum 0.9, weight decay 5e-5 (models.md, WRN-MTAN). Keys of the other
 * optimiser stay absent (null) and are refused when given.
 *
 * @param name {@code adam} or {@code sgd}
 * @param learningRate the initial learning rate
 * @param betas Adam only: the two moment decay rates
 * @param epsilon Adam only: added to the denominator, after the bias correction as PyTorch does
 * @param weightDecay L2 penalty added to the gradient (PyTorch's {@code weight_decay})
 * @param momentum SGD only: the momentum factor (default 0, plain SGD)
 * @param nesterov SGD only: Nesterov momentum (default false; needs a positive momentum)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptimizerConfig(String name, Double learningRate, List<Double> betas, Double epsilon, Double weightDecay,
        Double momentum, Boolean nesterov) {

    /** The optimisers there are. */
    public static final List<String> NAMES = List.of("adam", "sgd");

    /** Fills absent values of the named optimiser with its defaults. */
    public OptimizerConfig {
        name = name == null ? "adam" : name;
        learningRate = learningRate == null ? 1e-4 : learningRate;
        weightDecay = weightDecay == null ? 0.0 : weightDecay;
        if (name.equals("adam")) {
            betas = betas == null ? List.of(0.9, 0.999) : List.copyOf(betas);
            epsilon = epsilon == null ? 1e-8 : epsilon;
        } else if (name.equals("sgd")) {
            momentum = momentum == null ? 0.0 : momentum;
            nesterov = nesterov == null ? Boolean.FALSE : nesterov;
        }
    }

    /** All defaults. */
    public static OptimizerConfig defaults() {
        return new OptimizerConfig(null, null, null, null, null, null, null);
    }
}
