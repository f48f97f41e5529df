package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code config} weighting: conflict-free inverse gradients, ConFIG (Liu, Chu and Thuerey, ICLR 2025). */
public final class ConfigWeightingProvider implements WeightingProvider<NoOptions> {

    @Override
    public String name() {
        return "config";
    }

    @Override
    public String description() {
        return "ConFIG: the direction with equal cosine to every task gradient, as long as the sum of their projections on it (Liu, Chu and Thuerey, ICLR 2025).";
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
        return new ConfigWeighting(tasks);
    }
}
