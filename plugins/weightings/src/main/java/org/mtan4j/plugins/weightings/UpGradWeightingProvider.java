package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code upgrad} weighting: Unconflicting Projection of Gradients, Jacobian descent (Quinton and Rey, 2024). */
public final class UpGradWeightingProvider extends AbstractPluginProvider<UpGradWeightingProvider.Options>
        implements WeightingProvider<UpGradWeightingProvider.Options> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public UpGradWeightingProvider() {
        super("upgrad",
                "Projects each task gradient onto the dual cone of all of them and averages (Quinton and Rey, 2024).",
                Options.class, new Options(1e-4, 1e-4));
    }

    /**
     * UPGrad's options (LibMTL's {@code UPGrad_norm_eps} and {@code UPGrad_reg_eps}).
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
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new UpGradWeighting(tasks, options.normEps(), options.regEps());
    }
}
