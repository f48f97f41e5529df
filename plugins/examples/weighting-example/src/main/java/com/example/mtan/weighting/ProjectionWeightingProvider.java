package com.example.mtan.weighting;

import java.util.List;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;

/**
 * The {@code example-projection} weighting: a gradient-level method built on the API's
 * {@link org.mtan4j.api.weighting.GradientWeighting}, which removes the conflicting components of the
 * task gradients.
 */
public final class ProjectionWeightingProvider extends AbstractPluginProvider<NoOptions>
        implements WeightingProvider<NoOptions> {

    /** Discovered by {@link java.util.ServiceLoader}. */
    public ProjectionWeightingProvider() {
        super("example-projection", "Example plugin: task gradients without their conflicting components (PCGrad-like).",
                NoOptions.class, NoOptions.INSTANCE);
    }

    @Override
    public Weighting create(NoOptions options, List<TaskSpec> tasks) {
        return new ProjectionWeighting(tasks);
    }
}
