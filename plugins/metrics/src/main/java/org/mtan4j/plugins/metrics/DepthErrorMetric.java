package org.mtan4j.plugins.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.mtan4j.api.Direction;
import org.mtan4j.api.Metric;
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
 * The sums are kept in double precision across updates; the paper's code averages per batch first
 * (see the package documentation).
 *
 * <p>Prediction and target {@code (N, 1, H, W)}.
 */
public final class DepthErrorMetric implements Metric {

    /** The name of the mean absolute error value. */
    public static final String ABS_ERROR = "abs-error";
    /** The name of the mean relative error value. */
    public static final String REL_ERROR = "rel-error";

    private final String task;
    private double absoluteSum;
    private double relativeSum;
    private long count;

    /** A fresh metric for {@code task}. */
    public DepthErrorMetric(TaskSpec task) {
        this.task = task.name();
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
            absoluteSum += sums[0];
            relativeSum += sums[1];
            count += t.size();
        }
    }

    @Override
    public List<MetricValue> compute() {
        return List.of(
                new MetricValue(ABS_ERROR, MetricSupport.ratio(absoluteSum, count), Direction.LOWER_IS_BETTER),
                new MetricValue(REL_ERROR, MetricSupport.ratio(relativeSum, count), Direction.LOWER_IS_BETTER));
    }

    @Override
    public void reset() {
        absoluteSum = 0;
        relativeSum = 0;
        count = 0;
    }
}
