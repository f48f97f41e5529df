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
                "Surface-normal angle error: mean, median (exact or the paper's per-batch mean), fractions within 11.25, 22.5, 30 degrees.",
                NormalAngleOptions.class, NormalAngleOptions.DEFAULTS);
    }

    @Override
    public Set<TaskKind> supportedKinds() {
        return Set.of(TaskKind.NORMAL);
    }

    @Override
    Metric newMetric(NormalAngleOptions options, TaskSpec task) {
        return new NormalAngleMetric(task, options.median().equals(NormalAngleOptions.PER_BATCH));
    }
}
