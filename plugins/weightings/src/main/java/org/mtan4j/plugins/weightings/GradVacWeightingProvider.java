package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code gradvac} weighting: Gradient Vaccine (Wang et al., ICLR 2021), whole-model granularity. */
public final class GradVacWeightingProvider extends AbstractPluginProvider<GradVacWeightingProvider.Options>
        implements WeightingProvider<GradVacWeightingProvider.Options> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public GradVacWeightingProvider() {
        super("gradvac",
                "Gradient Vaccine: raises pairwise gradient similarity to its moving average (Wang et al., ICLR 2021).",
                Options.class, new Options(0.5));
    }

    /**
     * GradVac's options.
     *
     * @param beta the decay of the moving average of the similarities (LibMTL's default 0.5)
     */
    public record Options(double beta) {
        /** Checks the values. */
        public Options {
            if (!(beta >= 0 && beta <= 1)) {
                throw new IllegalArgumentException("beta must lie in [0, 1], got " + beta);
            }
        }
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new GradVacWeighting(tasks, options.beta());
    }
}
