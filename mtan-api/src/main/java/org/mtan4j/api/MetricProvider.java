package org.mtan4j.api;

import java.util.Set;

/**
 * Builds a {@link Metric} for one task.
 *
 * @param <O> the options record
 */
public interface MetricProvider<O> extends PluginProvider<O> {

    /** The task kinds this metric measures. */
    Set<TaskKind> supportedKinds();

    /** Builds a fresh metric for {@code task}, whose kind is one of {@link #supportedKinds()}. */
    Metric create(O options, TaskSpec task);
}
