package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code mgda} weighting: multi-task learning as multi-objective optimisation (Sener and Koltun, NeurIPS 2018). */
public final class MgdaWeightingProvider extends AbstractPluginProvider<MgdaWeightingProvider.Options>
        implements WeightingProvider<MgdaWeightingProvider.Options> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public MgdaWeightingProvider() {
        super("mgda",
                "Min-norm point of the convex hull of the task gradients, MGDA / MGDA-UB (Sener and Koltun, NeurIPS 2018).",
                Options.class, new Options("none", false));
    }

    /**
     * MGDA's options.
     *
     * @param normalization gradient normalisation: {@code none} (LibMTL's default), {@code l2}, {@code loss}
     *     or {@code loss+}
     * @param repGrad use the gradients with respect to the shared representation, the paper's MGDA-UB
     *     (LibMTL's {@code rep_grad}; default false: the shared parameters' gradients)
     */
    public record Options(String normalization, boolean repGrad) {
        /** Checks the values. */
        public Options {
            if (!List.of("none", "l2", "loss", "loss+").contains(normalization)) {
                throw new IllegalArgumentException("normalization must be one of none, l2, loss, loss+; got " + normalization);
            }
        }
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new MgdaWeighting(tasks, options.normalization(), options.repGrad());
    }
}
