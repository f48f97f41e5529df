package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code stch} weighting: smooth Tchebycheff scalarisation (Lin et al., ICML 2024). */
public final class StchWeightingProvider implements WeightingProvider<StchWeightingProvider.Options> {

    /**
     * STCH's options (LibMTL's {@code STCH_mu} and {@code STCH_warmup_epoch}).
     *
     * @param mu the smoothing of the maximum, > 0 (default 1.0)
     * @param warmupEpoch the last epoch of log-loss warm-up, whose mean losses become the nadir point (default 4)
     */
    public record Options(double mu, int warmupEpoch) {
        /** Checks the values. */
        public Options {
            if (!(mu > 0) || Double.isInfinite(mu)) {
                throw new IllegalArgumentException("mu must be positive and finite, got " + mu);
            }
            if (warmupEpoch < 0) {
                throw new IllegalArgumentException("warmup-epoch must be >= 0, got " + warmupEpoch);
            }
        }
    }

    @Override
    public String name() {
        return "stch";
    }

    @Override
    public String description() {
        return "Smooth Tchebycheff scalarisation of the nadir-normalised log losses after a log-loss warm-up (Lin et al., ICML 2024).";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public Options defaultOptions() {
        return new Options(1.0, 4);
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new StchWeighting(tasks, options.mu(), options.warmupEpoch());
    }
}
