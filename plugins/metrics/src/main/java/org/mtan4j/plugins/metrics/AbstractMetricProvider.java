package org.mtan4j.plugins.metrics;

import java.util.Set;
import java.util.stream.Collectors;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricProvider;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;

/** What the bundled metric providers share: no options, and a check of the task's kind. */
abstract class AbstractMetricProvider implements MetricProvider<NoOptions> {

    @Override
    public final Class<NoOptions> optionsType() {
        return NoOptions.class;
    }

    @Override
    public final NoOptions defaultOptions() {
        return NoOptions.INSTANCE;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the task's kind is not one of {@link #supportedKinds()}
     */
    @Override
    public final Metric create(NoOptions options, TaskSpec task) {
        Set<TaskKind> kinds = supportedKinds();
        if (!kinds.contains(task.kind())) {
            throw new IllegalArgumentException("metric '" + name() + "' measures "
                    + kinds.stream().map(TaskKind::yamlName).sorted().collect(Collectors.joining(", "))
                    + " tasks, but task '" + task.name() + "' is " + task.kind().yamlName());
        }
        return newMetric(task);
    }

    /** Builds the metric for a task of a supported kind. */
    abstract Metric newMetric(TaskSpec task);
}
