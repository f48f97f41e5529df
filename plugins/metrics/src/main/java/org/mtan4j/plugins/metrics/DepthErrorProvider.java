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

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Depth absolute and relative error over the pixels with known depth.";
    }

    @Override
    public Class<NoOptions> optionsType() {
        return NoOptions.class;
    }

    @Override
    public NoOptions defaultOptions() {
        return NoOptions.INSTANCE;
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
