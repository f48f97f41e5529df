package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code sdmgrad} weighting: direction-oriented multi-objective gradient descent (Xiao et al., NeurIPS 2023). */
public final class SdmGradWeightingProvider implements WeightingProvider<SdmGradWeightingProvider.Options> {

    /**
     * SDMGrad's options (LibMTL's {@code SDMGrad_lamda} and {@code SDMGrad_niter}).
     *
     * @param lambda the pull towards the mean gradient, >= 0 (default 0.3)
     * @param iterations the weights' SGD steps per training step, >= 1 (default 20)
     */
    public record Options(double lambda, int iterations) {
        /** Checks the values. */
        public Options {
            if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("lambda must be >= 0 and finite, got " + lambda);
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
            }
        }
    }

    @Override
    public String name() {
        return "sdmgrad";
    }

    @Override
    public String description() {
        return "SDMGrad: min-norm weights found by projected SGD, regularised towards the mean gradient (Xiao et al., NeurIPS 2023).";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public Options defaultOptions() {
        return new Options(0.3, 20);
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new SdmGradWeighting(tasks, options.lambda(), options.iterations());
    }
}
