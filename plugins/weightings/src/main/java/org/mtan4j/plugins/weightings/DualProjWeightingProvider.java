package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code dualproj} weighting: the mean gradient projected onto the dual cone of the task gradients (TorchJD). */
public final class DualProjWeightingProvider implements WeightingProvider<DualProjWeightingProvider.Options> {

    /**
     * DualProj's options (TorchJD's {@code norm_eps} and {@code reg_eps}).
     *
     * @param normEps below this trace the Gram matrix counts as zero (default 1e-4)
     * @param regEps the ridge added to the normalised Gram matrix (default 1e-4)
     */
    public record Options(double normEps, double regEps) {
        /** Checks the values. */
        public Options {
            if (!(normEps >= 0) || !(regEps > 0) || Double.isInfinite(normEps) || Double.isInfinite(regEps)) {
                throw new IllegalArgumentException("norm-eps must be >= 0 and reg-eps > 0, got " + normEps + " and " + regEps);
            }
        }
    }

    @Override
    public String name() {
        return "dualproj";
    }

    @Override
    public String description() {
        return "Projects the mean gradient onto the dual cone of the task gradients: the closest update that conflicts with none (TorchJD; Quinton and Rey, 2024).";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public Options defaultOptions() {
        return new Options(1e-4, 1e-4);
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new DualProjWeighting(tasks, options.normEps(), options.regEps());
    }
}
