package org.mtan4j.plugins.wrnmtan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.mtan4j.api.Direction;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricAveraging;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.TaskSpec;

/**
 * Top-1 accuracy: the fraction of samples whose highest-scoring class is the target, counted over
 * every update since the last reset (samples with the task's ignore value as target are not counted).
 * Ties go to the lowest class index (as {@code argmax}). NaN before any counted sample.
 *
 * <p>Pooled (the default), the hits are counted over every sample of every update. Per batch
 * ({@link MetricAveraging#perBatch()}), each update's own accuracy over its counted samples is formed
 * and those are averaged over the updates that counted any, as the paper's decathlon code does
 * ({@code visual_decathlon/model_wrn_mtan.py}: {@code correct / batch size} per batch, each added as
 * {@code value / len(loader)}); without ignored samples only a last, smaller batch makes the two differ.
 */
public final class Top1Metric implements Metric {

    /** The value's name. */
    public static final String ACCURACY = "accuracy";

    private final TaskSpec task;
    private final boolean perBatch;
    private long correct;
    private long counted;
    /** Per-batch averaging: the sum of each update's accuracy, and how many updates. */
    private double batchAccuracySum;
    private long batches;

    Top1Metric(TaskSpec task, MetricAveraging averaging) {
        this.task = task;
        this.perBatch = averaging.perBatch();
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
        long batchCorrect = 0;
        long batchCounted = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == task.ignoreValue()) {
                continue;
            }
            batchCounted++;
            if (predicted[i] == (long) labels[i]) {
                batchCorrect++;
            }
        }
        correct += batchCorrect;
        counted += batchCounted;
        if (batchCounted > 0) {
            batchAccuracySum += (double) batchCorrect / batchCounted;
            batches++;
        }
    }

    @Override
    public List<MetricValue> compute() {
        double value = perBatch ? ratio(batchAccuracySum, batches) : ratio(correct, counted);
        return List.of(new MetricValue(ACCURACY, value, Direction.HIGHER_IS_BETTER));
    }

    private static double ratio(double numerator, long denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }

    @Override
    public void reset() {
        correct = 0;
        counted = 0;
        batchAccuracySum = 0;
        batches = 0;
    }
}
