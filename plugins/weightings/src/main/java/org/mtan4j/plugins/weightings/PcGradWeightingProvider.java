package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code pcgrad} weighting: Project Conflicting Gradients (Yu et al., NeurIPS 2020). */
public final class PcGradWeightingProvider implements WeightingProvider<NoOptions> {

    @Override
    public String name() {
        return "pcgrad";
    }

    @Override
    public String description() {
        return "Gradient surgery: projects out conflicting components of the shared gradients (Yu et al., NeurIPS 2020).";
    }

    @Override
    public Class<NoOptions> optionsType() {
        return NoOptions.class;
    }

    @Override
    public NoOptions defaultOptions() {
        return NoOptions.INSTANCE;
    }

    @Override
    public Weighting create(NoOptions options, List<TaskSpec> tasks) {
        return new PcGradWeighting(tasks);
    }
}
