package org.mtan4j.plugins.metrics;

import java.util.Set;
import org.mtan4j.api.Metric;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;

/** The {@code confusion-matrix} metric: mIoU and pixel accuracy of a segmentation task. */
public final class ConfusionMatrixProvider extends AbstractMetricProvider {

    /** The provider's name. */
    public static final String NAME = "confusion-matrix";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Segmentation mIoU and pixel accuracy from a confusion matrix accumulated over the split.";
    }

    @Override
    public Set<TaskKind> supportedKinds() {
        return Set.of(TaskKind.SEGMENTATION);
    }

    @Override
    Metric newMetric(TaskSpec task) {
        return new ConfusionMatrixMetric(task);
    }
}
