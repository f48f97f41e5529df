package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code db-mtl} weighting: Dual-Balancing Multi-Task Learning (Lin et al., 2023). */
public final class DbMtlWeightingProvider extends AbstractPluginProvider<DbMtlWeightingProvider.Options>
        implements WeightingProvider<DbMtlWeightingProvider.Options> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public DbMtlWeightingProvider() {
        super("db-mtl",
                "Dual balancing: log losses and moving-average gradients scaled to the largest norm (Lin et al., 2023).",
                Options.class, new Options(0.9, 0));
    }

    /**
     * DB-MTL's options (LibMTL's {@code DB_beta} and {@code DB_beta_sigma}).
     *
     * @param beta the moving average's decay (default 0.9)
     * @param betaSigma the decay's power-law annealing over steps, {@code beta / t^betaSigma} (default 0)
     */
    public record Options(double beta, double betaSigma) {
        /** Checks the values. */
        public Options {
            if (!(beta >= 0 && beta <= 1) || !(betaSigma >= 0) || Double.isInfinite(betaSigma)) {
                throw new IllegalArgumentException("beta must lie in [0, 1] and beta-sigma be >= 0, got " + beta + " and " + betaSigma);
            }
        }
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new DbMtlWeighting(tasks, options.beta(), options.betaSigma());
    }
}
