package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code excess-mtl} weighting: loss weights driven by estimated excess risks (He et al., ICML 2024). */
public final class ExcessMtlWeightingProvider implements WeightingProvider<ExcessMtlWeightingProvider.Options> {

    /**
     * ExcessMTL's options (LibMTL's {@code robust_step_size}).
     *
     * @param robustStepSize the step size of the weights' multiplicative update, >= 0 (default 0.01)
     */
    public record Options(double robustStepSize) {
        /** Checks the values. */
        public Options {
            if (!(robustStepSize >= 0) || Double.isInfinite(robustStepSize)) {
                throw new IllegalArgumentException("robust-step-size must be >= 0 and finite, got " + robustStepSize);
            }
        }
    }

    @Override
    public String name() {
        return "excess-mtl";
    }

    @Override
    public String description() {
        return "ExcessMTL: loss weights raised multiplicatively by each task's AdaGrad-estimated excess risk (He et al., ICML 2024).";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public Options defaultOptions() {
        return new Options(1e-2);
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new ExcessMtlWeighting(tasks, options.robustStepSize());
    }
}
