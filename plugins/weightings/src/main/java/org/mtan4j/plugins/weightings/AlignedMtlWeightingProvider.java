package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/** The {@code aligned-mtl} weighting: Independent Component Alignment (Senushkin et al., CVPR 2023). */
public final class AlignedMtlWeightingProvider extends AbstractPluginProvider<NoOptions>
        implements WeightingProvider<NoOptions> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public AlignedMtlWeightingProvider() {
        super("aligned-mtl",
                "Aligns the task gradients into orthogonal components of equal norm (Senushkin et al., CVPR 2023).",
                NoOptions.class, NoOptions.INSTANCE);
    }

    @Override
    public Weighting create(NoOptions options, List<TaskSpec> tasks) {
        return new AlignedMtlWeighting(tasks);
    }
}
