package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code rgw} weighting: random gradient weights, softmax of N(0, 1) draws (Lin et al., TMLR 2022). */
public final class RgwWeightingProvider implements WeightingProvider<RgwWeightingProvider.Options> {

    /**
     * RGW's options.
     *
     * @param repGrad weigh the gradients with respect to the shared representation (LibMTL's
     *     {@code rep_grad}; default false: the shared parameters' gradients)
     */
    public record Options(boolean repGrad) {
        /** Checks the values. */
        public Options {
            // any value is valid
        }
    }

    @Override
    public String name() {
        return "rgw";
    }

    @Override
    public String description() {
        return "Random gradient weights: the task gradients combined with softmax of standard normal draws each step (Lin et al., TMLR 2022).";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public Options defaultOptions() {
        return new Options(false);
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new RgwWeighting(tasks, options.repGrad());
    }
}
