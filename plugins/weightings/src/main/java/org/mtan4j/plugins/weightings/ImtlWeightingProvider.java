package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code imtl} weighting: Impartial Multi-Task Learning, IMTL-L and IMTL-G (Liu et al., ICLR 2021). */
public final class ImtlWeightingProvider extends AbstractPluginProvider<ImtlWeightingProvider.Options>
        implements WeightingProvider<ImtlWeightingProvider.Options> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public ImtlWeightingProvider() {
        super("imtl",
                "Impartial MTL: learned loss scales plus the gradient combination with equal projections (Liu et al., ICLR 2021).",
                Options.class, new Options(false));
    }

    /**
     * IMTL's options.
     *
     * @param repGrad use the gradients with respect to the shared representation (LibMTL's {@code rep_grad};
     *     default false: the shared parameters' gradients)
     */
    public record Options(boolean repGrad) {
        /** Checks the values. */
        public Options {
            // any value is valid
        }
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new ImtlWeighting(tasks, options.repGrad());
    }
}
