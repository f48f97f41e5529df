package com.example.mtan.weighting;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/**
 * The {@code example-geometric} weighting: the geometric mean of the task losses (the geometric loss
 * strategy of Chennupati et al., CVPR Workshops 2019). Found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.mtan4j.api.WeightingProvider}.
 */
public final class GeometricWeightingProvider extends AbstractPluginProvider<NoOptions>
        implements WeightingProvider<NoOptions> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public GeometricWeightingProvider() {
        super("example-geometric", "Example plugin: the geometric mean of the task losses.",
                NoOptions.class, NoOptions.INSTANCE);
    }

    @Override
    public Weighting create(NoOptions options, List<TaskSpec> tasks) {
        return new GeometricWeighting(tasks.size());
    }
}
