package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code famo} weighting: Fast Adaptive Multitask Optimization (Liu et al., NeurIPS 2023). */
public final class FamoWeightingProvider extends AbstractPluginProvider<FamoWeightingProvider.Options>
        implements WeightingProvider<FamoWeightingProvider.Options> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public FamoWeightingProvider() {
        super("famo", "Fast adaptive weights from the log-loss decrease of each step (Liu et al., NeurIPS 2023).",
                Options.class, new Options(0.025, 1e-3));
    }

    /**
     * FAMO's options (LibMTL's {@code FAMO_w_lr} and {@code FAMO_w_gamma}).
     *
     * @param lr the learning rate of the logits' Adam (default 0.025)
     * @param gamma its weight decay (default 1e-3)
     */
    public record Options(double lr, double gamma) {
        /** Checks the values. */
        public Options {
            if (!(lr > 0) || !(gamma >= 0) || Double.isInfinite(lr) || Double.isInfinite(gamma)) {
                throw new IllegalArgumentException("lr must be > 0 and gamma >= 0, got " + lr + " and " + gamma);
            }
        }
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new FamoWeighting(tasks, options.lr(), options.gamma());
    }
}
