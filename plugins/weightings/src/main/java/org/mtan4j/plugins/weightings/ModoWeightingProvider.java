package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code modo} weighting: multi-objective gradient with double sampling (Chen et al., NeurIPS 2023). */
public final class ModoWeightingProvider implements WeightingProvider<ModoWeightingProvider.Options> {

    /**
     * MoDo's options (LibMTL's {@code MoDo_gamma} and {@code MoDo_rho}).
     *
     * @param gamma the weights' step size (default 0.001)
     * @param rho the L2 regularisation of the weights' step (default 0.1)
     */
    public record Options(double gamma, double rho) {
        /** Checks the values. */
        public Options {
            if (!(gamma >= 0) || !(rho >= 0) || Double.isInfinite(gamma) || Double.isInfinite(rho)) {
                throw new IllegalArgumentException("gamma and rho must be >= 0 and finite, got " + gamma + " and " + rho);
            }
        }
    }

    @Override
    public String name() {
        return "modo";
    }

    @Override
    public String description() {
        return "MoDo: weights on the simplex moved by one projected step towards the min-norm combination per step (Chen et al., NeurIPS 2023).";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public Options defaultOptions() {
        return new Options(1e-3, 0.1);
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new ModoWeighting(tasks, options.gamma(), options.rho());
    }
}
