package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code pcgrad} weighting: Project Conflicting Gradients (Yu et al., NeurIPS 2020). */
public final class PcGradWeightingProvider extends AbstractPluginProvider<NoOptions>
        implements WeightingProvider<NoOptions> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public PcGradWeightingProvider() {
        super("pcgrad",
                "Gradient surgery: projects out conflicting components of the shared gradients (Yu et al., NeurIPS 2020).",
                NoOptions.class, NoOptions.INSTANCE);
    }

    @Override
    public Weighting create(NoOptions options, List<TaskSpec> tasks) {
        return new PcGradWeighting(tasks);
    }
}
