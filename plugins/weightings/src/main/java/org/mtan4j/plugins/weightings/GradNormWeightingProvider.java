package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code gradnorm} weighting: Gradient Normalisation (Chen et al., ICML 2018). */
public final class GradNormWeightingProvider extends AbstractPluginProvider<GradNormWeightingProvider.Options>
        implements WeightingProvider<GradNormWeightingProvider.Options> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public GradNormWeightingProvider() {
        super("gradnorm",
                "Learns loss weights that balance the norms of the shared gradients with the training rates (Chen et al., ICML 2018).",
                Options.class, new Options(1.5));
    }

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
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new GradNormWeighting(tasks, options.alpha());
    }
}
