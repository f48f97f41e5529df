package org.mtan4j.plugins.metrics;

import java.util.Set;
import java.util.stream.Collectors;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricProvider;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;

/**
 * What the bundled metric providers share: name, description and options given to the constructor, and a
 * check of the task's kind before the metric is built.
 *
 * @param <O> the options record
 */
abstract class AbstractMetricProvider<O> extends AbstractPluginProvider<O> implements MetricProvider<O> {

    /** A provider; see {@link AbstractPluginProvider}. */
    AbstractMetricProvider(String name, String description, Class<O> optionsType, O defaultOptions) {
        super(name, description, optionsType, defaultOptions);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the task's kind is not one of {@link #supportedKinds()}
     */
    @Override
    public final Metric create(O options, TaskSpec task) {
        Set<TaskKind> kinds = supportedKinds();
        if (!kinds.contains(task.kind())) {
            throw new IllegalArgumentException("metric '" + name() + "' measures "
                    + kinds.stream().map(TaskKind::yamlName).sorted().collect(Collectors.joining(", "))
                    + " tasks, but task '" + task.name() + "' is " + task.kind().yamlName());
        }
        return newMetric(options, task);
    }

    /** Builds the metric for a task of a supported kind. */
    abstract Metric newMetric(O options, TaskSpec task);
}
