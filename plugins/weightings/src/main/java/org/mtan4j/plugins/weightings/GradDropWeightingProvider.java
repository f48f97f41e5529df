package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code graddrop} weighting: Gradient Sign Dropout (Chen et al., NeurIPS 2020), on representation gradients. */
public final class GradDropWeightingProvider extends AbstractPluginProvider<GradDropWeightingProvider.Options>
        implements WeightingProvider<GradDropWeightingProvider.Options> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public GradDropWeightingProvider() {
        super("graddrop", "Gradient sign dropout on the representation gradients (Chen et al., NeurIPS 2020).",
                Options.class, new Options(0.0));
    }

    /**
     * GradDrop's options.
     *
     * @param leak the factor a dropped gradient keeps, in [0, 1] (LibMTL's default 0)
     */
    public record Options(double leak) {
        /** Checks the values. */
        public Options {
            if (!(leak >= 0 && leak <= 1)) {
                throw new IllegalArgumentException("leak must lie in [0, 1], got " + leak);
            }
        }
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new GradDropWeighting(tasks, options.leak());
    }
}
