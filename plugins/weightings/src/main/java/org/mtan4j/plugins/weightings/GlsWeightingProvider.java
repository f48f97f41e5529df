package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code gls} weighting: the geometric mean of the task losses (Chennupati et al., CVPR 2019 Workshops). */
public final class GlsWeightingProvider implements WeightingProvider<NoOptions> {

    @Override
    public String name() {
        return "gls";
    }

    @Override
    public String description() {
        return "Geometric loss strategy: the geometric mean of the task losses (Chennupati et al., MultiNet++, CVPR 2019 Workshops).";
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
        return new GlsWeighting(tasks);
    }
}
