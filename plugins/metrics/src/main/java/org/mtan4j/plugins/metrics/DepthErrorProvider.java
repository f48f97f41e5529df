package org.mtan4j.plugins.metrics;

import java.util.Set;
import org.mtan4j.api.Metric;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;

/** The {@code depth-error} metric: mean absolute and relative depth error over valid pixels. */
public final class DepthErrorProvider extends AbstractMetricProvider<NoOptions> {

    /** The provider's name. */
    public static final String NAME = "depth-error";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public DepthErrorProvider() {
        super(NAME, "Depth absolute and relative error over the pixels with known depth.",
                NoOptions.class, NoOptions.INSTANCE);
    }

    @Override
    public Set<TaskKind> supportedKinds() {
        return Set.of(TaskKind.DEPTH);
    }

    @Override
    Metric newMetric(NoOptions options, TaskSpec task) {
        return new DepthErrorMetric(task);
    }
}
