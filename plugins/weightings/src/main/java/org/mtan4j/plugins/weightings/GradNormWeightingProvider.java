package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code gradnorm} weighting: Gradient Normalisation (Chen et al., ICML 2018). */
public final class GradNormWeightingProvider implements WeightingProvider<GradNormWeightingProvider.Options> {

    /**
     * GradNorm's options.
     *
     * @param alpha the strength of the restoring force towards a common training rate (LibMTL's default 1.5)
     */
    public record Options(double alpha) {
        /** Checks the values. */
        public Options {
            if (!(alpha >= 0) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("alpha must be non-negative and finite, got " + alpha);
            }
        }
    }

    @Override
    public String name() {
        return "gradnorm";
    }

    @Override
    public String description() {
        return "Learns loss weights that balance the norms of the shared gradients with the training rates (Chen et al., ICML 2018).";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public Options defaultOptions() {
        return new Options(1.5);
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new GradNormWeighting(tasks, options.alpha());
    }
}
