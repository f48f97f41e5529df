package org.mtan4j.plugins.metrics;

import java.util.Set;
import org.mtan4j.api.Metric;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;

/** The {@code normal-angle} metric: angular error statistics of a surface-normal task. */
public final class NormalAngleProvider extends AbstractMetricProvider<NormalAngleOptions> {

    /** The provider's name. */
    public static final String NAME = "normal-angle";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public NormalAngleProvider() {
        super(NAME,
                "Surface-normal angle error: mean, median, fractions within 11.25, 22.5, 30 degrees; pooled or per batch (the paper's code).",
                NormalAngleOptions.class, NormalAngleOptions.DEFAULTS);
    }

    @Override
    public Set<TaskKind> supportedKinds() {
        return Set.of(TaskKind.NORMAL);
    }

    @Override
    Metric newMetric(NormalAngleOptions options, TaskSpec task) {
        return new NormalAngleMetric(task, options);
    }
}
