package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code fairgrad} weighting: alpha-fair allocation of the update among the tasks (Ban and Ji, ICML 2024). */
public final class FairGradWeightingProvider implements WeightingProvider<FairGradWeightingProvider.Options> {

    /**
     * FairGrad's options (LibMTL's {@code FairGrad_alpha}).
     *
     * @param alpha the fairness, >= 0: 0 the plain sum, 1 proportional fairness (default 1.0), larger
     *     towards max-min fairness
     */
    public record Options(double alpha) {
        /** Checks the values. */
        public Options {
            if (!(alpha >= 0) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("alpha must be >= 0 and finite, got " + alpha);
            }
        }
    }

    @Override
    public String name() {
        return "fairgrad";
    }

    @Override
    public String description() {
        return "FairGrad: the update whose per-task improvements are alpha-fair, (G w)_k = w_k^(-1/alpha) (Ban and Ji, ICML 2024).";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public Options defaultOptions() {
        return new Options(1.0);
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new FairGradWeighting(tasks, options.alpha());
    }
}
