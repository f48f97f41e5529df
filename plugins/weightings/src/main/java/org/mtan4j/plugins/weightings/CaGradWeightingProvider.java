package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code cagrad} weighting: Conflict-Averse Gradient descent (Liu et al., NeurIPS 2021). */
public final class CaGradWeightingProvider extends AbstractPluginProvider<CaGradWeightingProvider.Options>
        implements WeightingProvider<CaGradWeightingProvider.Options> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public CaGradWeightingProvider() {
        super("cagrad",
                "Conflict-averse gradient: the best worst-case improvement near the mean gradient (Liu et al., NeurIPS 2021).",
                Options.class, new Options(0.5, 1));
    }

    /**
     * CAGrad's options (LibMTL's {@code calpha} and {@code rescale}).
     *
     * @param c the radius factor c of the ball around the mean gradient (LibMTL's default 0.5)
     * @param rescale 0: none, 1: divide by 1 + c^2 (default), 2: divide by 1 + c
     */
    public record Options(double c, int rescale) {
        /** Checks the values. */
        public Options {
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("c must be non-negative and finite, got " + c);
            }
            if (rescale < 0 || rescale > 2) {
                throw new IllegalArgumentException("rescale must be 0, 1 or 2, got " + rescale);
            }
        }
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new CaGradWeighting(tasks, options.c(), options.rescale());
    }
}
