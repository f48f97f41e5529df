package org.mtan4j.plugins.wrnmtan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.mtan4j.api.Direction;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.TaskSpec;

/**
 * Top-1 accuracy: the fraction of samples whose highest-scoring class is the target, counted over
 * every update since the last reset (samples with the task's ignore value as target are not counted).
 * Ties go to the lowest class index (as {@code argmax}). NaN before any counted sample.
 */
public final class Top1Metric implements Metric {

    /** The value's name. */
    public static final String ACCURACY = "accuracy";

    private final TaskSpec task;
    private long correct;
    private long counted;

    Top1Metric(TaskSpec task) {
        this.task = task;
    }

    /**
     * Adds a batch.
     *
     * @param prediction {@code (N, C)} scores or log-probabilities
     * @param target {@code (N)} class indices
     */
    @Override
    public void update(NDArray prediction, NDArray target) {
        if (prediction.getShape().dimension() != 2 || target.getShape().dimension() != 1
                || prediction.getShape().get(0) != target.getShape().get(0)) {
            throw new IllegalArgumentException("top-1 accuracy needs prediction (N, C) and target (N), got "
                    + prediction.getShape() + " and " + target.getShape());
        }
        long[] predicted = prediction.stopGradient().argMax(1).toType(DataType.INT64, false).toLongArray();
        float[] labels = target.toType(DataType.FLOAT32, false).toFloatArray();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == task.ignoreValue()) {
                continue;
            }
            counted++;
            if (predicted[i] == (long) labels[i]) {
                correct++;
            }
        }
    }

    @Override
    public List<MetricValue> compute() {
        double value = counted == 0 ? Double.NaN : (double) correct / counted;
        return List.of(new MetricValue(ACCURACY, value, Direction.HIGHER_IS_BETTER));
    }

    @Override
    public void reset() {
        correct = 0;
        counted = 0;
    }
}
