package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code moco} weighting: MGDA with tracked, bias-corrected gradients (Fernando et al., ICLR 2023). */
public final class MoCoWeightingProvider implements WeightingProvider<MoCoWeightingProvider.Options> {

    /**
     * MoCo's options (LibMTL's {@code MoCo_beta}, {@code MoCo_beta_sigma}, {@code MoCo_gamma},
     * {@code MoCo_gamma_sigma}, {@code MoCo_rho}).
     *
     * @param beta the tracking's step size (default 0.5)
     * @param betaSigma its decay over steps, {@code beta / t^betaSigma} (default 0.5)
     * @param gamma the weights' step size (default 0.1)
     * @param gammaSigma its decay over steps, {@code gamma / t^gammaSigma} (default 0.5)
     * @param rho the L2 regularisation of the weights' step (default 0)
     */
    public record Options(double beta, double betaSigma, double gamma, double gammaSigma, double rho) {
        /** Checks the values. */
        public Options {
            if (!(beta > 0 && beta <= 1)) {
                throw new IllegalArgumentException("beta must lie in (0, 1], got " + beta);
            }
            for (double value : new double[] {betaSigma, gamma, gammaSigma, rho}) {
                if (!(value >= 0) || Double.isInfinite(value)) {
                    throw new IllegalArgumentException("beta-sigma, gamma, gamma-sigma and rho must be >= 0 and finite, got "
                            + betaSigma + ", " + gamma + ", " + gammaSigma + " and " + rho);
                }
            }
        }
    }

    @Override
    public String name() {
        return "moco";
    }

    @Override
    public String description() {
        return "MoCo: tracked loss-scaled task gradients, weights by one softmax step towards their min-norm combination (Fernando et al., ICLR 2023).";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public Options defaultOptions() {
        return new Options(0.5, 0.5, 0.1, 0.5, 0);
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new MoCoWeighting(tasks, options.beta(), options.betaSigma(), options.gamma(), options.gammaSigma(), options.rho());
    }
}
