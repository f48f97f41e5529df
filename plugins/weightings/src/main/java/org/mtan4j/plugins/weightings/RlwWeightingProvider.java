package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code rlw} weighting: random loss weights, softmax of N(0, 1) draws (Lin et al., TMLR 2022). */
public final class RlwWeightingProvider extends AbstractPluginProvider<NoOptions> implements WeightingProvider<NoOptions> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public RlwWeightingProvider() {
        super("rlw", "Random loss weights: softmax of standard normal draws each step (Lin et al., TMLR 2022).",
                NoOptions.class, NoOptions.INSTANCE);
    }

    @Override
    public Weighting create(NoOptions options, List<TaskSpec> tasks) {
        return new RlwWeighting(tasks);
    }
}
