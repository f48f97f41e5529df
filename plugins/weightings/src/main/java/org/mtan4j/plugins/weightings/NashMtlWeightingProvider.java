package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code nash-mtl} weighting: multi-task learning as a bargaining game (Navon et al., ICML 2022). */
public final class NashMtlWeightingProvider extends AbstractPluginProvider<NashMtlWeightingProvider.Options>
        implements WeightingProvider<NashMtlWeightingProvider.Options> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public NashMtlWeightingProvider() {
        super("nash-mtl", "Nash bargaining solution over the task gradients (Navon et al., ICML 2022).",
                Options.class, new Options(1, 1.0));
    }

    /**
     * Nash-MTL's options (LibMTL's names; its {@code optim_niter} has no counterpart: the problem is solved
     * to convergence).
     *
     * @param updateWeightsEvery recompute the weights every this many steps (default 1)
     * @param maxNorm clip the shared update to this norm, 0 for no clipping (default 1.0)
     */
    public record Options(int updateWeightsEvery, double maxNorm) {
        /** Checks the values. */
        public Options {
            if (updateWeightsEvery < 1 || !(maxNorm >= 0) || Double.isInfinite(maxNorm)) {
                throw new IllegalArgumentException("update-weights-every must be >= 1 and max-norm >= 0, got "
                        + updateWeightsEvery + " and " + maxNorm);
            }
        }
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new NashMtlWeighting(tasks, options.updateWeightsEvery(), options.maxNorm());
    }
}
