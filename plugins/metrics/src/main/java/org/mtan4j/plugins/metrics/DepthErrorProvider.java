package org.mtan4j.plugins.metrics;

import java.util.Set;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricAveraging;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;

/**
 * The {@code depth-error} metric: mean absolute and relative depth error over valid pixels, pooled
 * or per batch as its {@link MetricAveraging} option says.
 */
public final class DepthErrorProvider extends AbstractMetricProvider<MetricAveraging> {

    /** The provider's name. */
    public static final String NAME = "depth-error";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public DepthErrorProvider() {
        super(NAME, "Depth absolute and relative error over the pixels with known depth, pooled or per batch (the paper's code).",
                MetricAveraging.class, MetricAveraging.DEFAULT);
    }

    @Override
    public Set<TaskKind> supportedKinds() {
        return Set.of(TaskKind.DEPTH);
    }

    @Override
    Metric newMetric(MetricAveraging averaging, TaskSpec task) {
        return new DepthErrorMetric(task, averaging);
    }
}
