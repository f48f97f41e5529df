package org.mtan4j.plugins.wrnmtan;

import java.util.Objects;
import java.util.Set;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.MetricAveraging;
import org.mtan4j.api.MetricProvider;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;

/**
 * {@code top1}: top-1 accuracy of a classification task ({@link Top1Metric}, value {@code accuracy},
 * higher is better), pooled or per batch as its {@link MetricAveraging} option says. It lives here
 * until a shared metrics module takes it.
 */
public final class Top1MetricProvider extends AbstractPluginProvider<MetricAveraging> implements MetricProvider<MetricAveraging> {

    /** The YAML name. */
    public static final String NAME = "top1";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public Top1MetricProvider() {
        super(NAME, "Top-1 accuracy of a classification task, pooled or per batch (the paper's decathlon code).",
                MetricAveraging.class, MetricAveraging.DEFAULT);
    }

    @Override
    public Set<TaskKind> supportedKinds() {
        return Set.of(TaskKind.CLASSIFICATION);
    }

    /**
     * A fresh metric.
     *
     * @throws IllegalArgumentException if the task is not classification
     */
    @Override
    public Top1Metric create(MetricAveraging averaging, TaskSpec task) {
        Objects.requireNonNull(task, "task is null");
        if (task.kind() != TaskKind.CLASSIFICATION) {
            throw new IllegalArgumentException("metric '" + NAME + "' measures classification; task '" + task.name() + "' is "
                    + task.kind().yamlName());
        }
        return new Top1Metric(task, averaging);
    }
}
