package org.mtan4j.plugins.metrics;

import java.util.Set;
import org.mtan4j.api.Metric;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;

/**
 * The {@code confusion-matrix} metric: mIoU and pixel accuracy of a segmentation task, by the formula
 * its {@link ConfusionMatrixOptions} name.
 */
public final class ConfusionMatrixProvider extends AbstractMetricProvider<ConfusionMatrixOptions> {

    /** The provider's name. */
    public static final String NAME = "confusion-matrix";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public ConfusionMatrixProvider() {
        super(NAME,
                "Segmentation mIoU and pixel accuracy: accumulated over the split, or per image then averaged (the paper's code).",
                ConfusionMatrixOptions.class, ConfusionMatrixOptions.DEFAULTS);
    }

    @Override
    public Set<TaskKind> supportedKinds() {
        return Set.of(TaskKind.SEGMENTATION);
    }

    @Override
    Metric newMetric(ConfusionMatrixOptions options, TaskSpec task) {
        return new ConfusionMatrixMetric(task, options.formula().equals(ConfusionMatrixOptions.PER_IMAGE));
    }
}
