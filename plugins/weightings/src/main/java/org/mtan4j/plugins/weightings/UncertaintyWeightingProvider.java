package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/**
 * The {@code uncertainty} weighting: learned homoscedastic-uncertainty log-variances (Kendall et al.,
 * CVPR 2018), initialised to -0.5 as in the MTAN code and LibMTL.
 */
public final class UncertaintyWeightingProvider extends AbstractPluginProvider<NoOptions>
        implements WeightingProvider<NoOptions> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public UncertaintyWeightingProvider() {
        super("uncertainty", "Learned log-variance per task: sum of L/(2 exp(s)) + s/2 (Kendall et al., CVPR 2018).",
                NoOptions.class, NoOptions.INSTANCE);
    }

    @Override
    public Weighting create(NoOptions options, List<TaskSpec> tasks) {
        return new UncertaintyWeighting(tasks);
    }
}
