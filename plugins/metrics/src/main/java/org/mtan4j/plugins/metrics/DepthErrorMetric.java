package org.mtan4j.plugins.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.mtan4j.api.Direction;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricAveraging;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.TaskSpec;

/**
 * Depth errors over the valid pixels of every update since the last reset (models.md, "Losses,
 * metrics, training"): a pixel is valid where its target depth is not 0.
 *
 * <p>Values, both {@link Direction#LOWER_IS_BETTER} and NaN before any valid pixel:
 * <ul>
 *   <li>{@value #ABS_ERROR}: {@code sum |p - t| / count};</li>
 *   <li>{@value #REL_ERROR}: {@code sum (|p - t| / t) / count}.</li>
 * </ul>
 * Pooled (the default), the sums and the count run over every valid pixel of every update. Per batch
 * ({@link MetricAveraging#perBatch()}), each update's own two means are formed and then averaged
 * over the updates that had a valid pixel, as the paper's {@code depth_error} per batch followed by
 * its trainer's mean over batches. Sums are kept in double precision.
 *
 * <p>Prediction and target {@code (N, 1, H, W)}.
 */
public final class DepthErrorMetric implements Metric {

    /** The name of the mean absolute error value. */
    public static final String ABS_ERROR = "abs-error";
    /** The name of the mean relative error value. */
    public static final String REL_ERROR = "rel-error";

    private final String task;
    private final boolean perBatch;
    /** Per-batch averaging: the sums of each update's two means. */
    private final BatchMeans batchMeans = new BatchMeans(2);
    private double absoluteSum;
    private double relativeSum;
    private long count;

    /** A fresh, pooled metric for {@code task}. */
    public DepthErrorMetric(TaskSpec task) {
        this(task, MetricAveraging.DEFAULT);
    }

    /** A fresh metric for {@code task}, pooled or per batch as {@code averaging} says. */
    public DepthErrorMetric(TaskSpec task, MetricAveraging averaging) {
        this.task = task.name();
        this.perBatch = averaging.perBatch();
    }

    @Override
    @SuppressWarnings("try") // the scope is only closed: that frees the batch's intermediates
    public void update(NDArray prediction, NDArray target) {
        MetricSupport.requireSameShape("depth-error", task, prediction, target, 1);
        try (NDManager scope = MetricSupport.scope(prediction, target)) {
            // models.md: valid pixels are those with t != 0; dividing by t is then safe.
            NDArray valid = target.neq(0);
            NDArray t = target.booleanMask(valid).toType(DataType.FLOAT64, false);
            NDArray p = prediction.booleanMask(valid).toType(DataType.FLOAT64, false);
            NDArray error = p.sub(t).abs();
            // One transfer of both batch sums.
            double[] sums = NDArrays.stack(new NDList(error.sum(), error.div(t).sum())).toDoubleArray();
            long pixels = t.size();
            absoluteSum += sums[0];
            relativeSum += sums[1];
            count += pixels;
            if (perBatch && pixels > 0) {
                batchMeans.add(sums[0] / pixels, sums[1] / pixels);
            }
        }
    }

    @Override
    public List<MetricValue> compute() {
        double absolute = perBatch ? batchMeans.mean(0) : MetricSupport.ratio(absoluteSum, count);
        double relative = perBatch ? batchMeans.mean(1) : MetricSupport.ratio(relativeSum, count);
        return List.of(
                new MetricValue(ABS_ERROR, absolute, Direction.LOWER_IS_BETTER),
                new MetricValue(REL_ERROR, relative, Direction.LOWER_IS_BETTER));
    }

    @Override
    public void reset() {
        absoluteSum = 0;
        relativeSum = 0;
        count = 0;
        batchMeans.clear();
    }
}
