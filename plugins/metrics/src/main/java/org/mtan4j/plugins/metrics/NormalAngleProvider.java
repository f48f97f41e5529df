package org.mtan4j.plugins.metrics;

import java.util.Set;
import org.mtan4j.api.Metric;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;

/** The {@code normal-angle} metric: angular error statistics of a surface-normal task. */
public final class NormalAngleProvider extends AbstractMetricProvider {

    /** The provider's name. */
    public static final String NAME = "normal-angle";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Surface-normal angle error: mean, exact median, and fractions within 11.25, 22.5 and 30 degrees.";
    }

    @Override
    public Set<TaskKind> supportedKinds() {
        return Set.of(TaskKind.NORMAL);
    }

    @Override
    Metric newMetric(TaskSpec task) {
        return new NormalAngleMetric(task);
    }
}
