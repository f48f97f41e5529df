package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code dwa} weighting: Dynamic Weight Average, the MTAN paper's own (Liu et al., CVPR 2019). */
public final class DwaWeightingProvider extends AbstractPluginProvider<DwaWeightingProvider.Options>
        implements WeightingProvider<DwaWeightingProvider.Options> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public DwaWeightingProvider() {
        super("dwa", "Dynamic Weight Average: softmax over the tasks' loss ratios of the last two epochs (MTAN, CVPR 2019).",
                Options.class, new Options(2.0));
    }

    /**
     * DWA's options.
     *
     * @param temperature the softmax temperature T (paper and LibMTL: 2)
     */
    public record Options(double temperature) {
        /** Checks the temperature. */
        public Options {
            if (!(temperature > 0) || Double.isInfinite(temperature)) {
                throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
            }
        }
    }

    @Override
    public Weighting create(Options options, List<TaskSpec> tasks) {
        return new DwaWeighting(tasks, options.temperature());
    }
}
