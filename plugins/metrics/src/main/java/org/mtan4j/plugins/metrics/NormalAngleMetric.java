package org.mtan4j.plugins.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mtan4j.api.Direction;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.TaskSpec;

/**
 * Surface-normal angle errors over the valid pixels of every update since the last reset (models.md,
 * "Losses, metrics, training"): per pixel {@code angle = degrees(acos(clamp(p . t, -1, 1)))}.
 *
 * <p>Values, NaN before any valid pixel:
 * <ul>
 *   <li>{@value #ANGLE_MEAN} and {@value #ANGLE_MEDIAN}, {@link Direction#LOWER_IS_BETTER}: the mean and
 *       the exact median of all angles (for an even count the mean of the two middle ones, as
 *       {@code numpy.median});</li>
 *   <li>{@code within-11.25}, {@code within-22.5}, {@code within-30}, {@link Direction#HIGHER_IS_BETTER}:
 *       the fraction of angles strictly below each threshold.</li>
 * </ul>
 *
 * <p>Validity follows the paper's code: a pixel counts where the target's channel sum is not 0. An
 * unknown pixel is all zeros, so it is always excluded; but a real unit normal whose components
 * happen to sum to exactly 0, such as {@code (s, -s, 0)} with {@code s = sqrt(1/2)}, is excluded too.
 * That coincidence is vanishingly rare on real data; the rule is kept so that the metric and the
 * reference's normal loss see the same pixels and the paper's numbers are reproduced exactly.
 *
 * <p>Per-batch averaging ({@link NormalAngleOptions#perBatch()}) forms all five values per update
 * over that update's valid pixels (the median that update's exact median) and reports the mean of
 * each over the updates that had a valid pixel, as the paper's {@code normal_error} per batch followed
 * by its trainer's mean over batches. With the per-batch median alone ({@code median: per-batch}
 * under pooled averaging) only {@value #ANGLE_MEDIAN} is that mean of per-update medians and the other
 * values stay pooled. Either way the result depends on the batching (the exception to the
 * {@link Metric} contract that {@link org.mtan4j.api.MetricAveraging} describes).
 *
 * <p>Prediction and target {@code (N, 3, H, W)}; predictions are expected to be unit vectors (the
 * head normalises them). The exact median keeps every angle as a float (4 bytes per valid pixel).
 */
public final class NormalAngleMetric implements Metric {

    /** The name of the mean angle value. */
    public static final String ANGLE_MEAN = "angle-mean";
    /** The name of the median angle value. */
    public static final String ANGLE_MEDIAN = "angle-median";

    /** The paper's thresholds in degrees, with the names of their values. */
    private static final double[] THRESHOLDS = {11.25, 22.5, 30};
    private static final String[] THRESHOLD_NAMES = {"within-11.25", "within-22.5", "within-30"};
    /** Where each value sits among an update's values: as {@link #compute()} lists them. */
    private static final int MEAN = 0;
    private static final int MEDIAN = 1;
    private static final int WITHIN = 2;

    private final String task;
    private final boolean perBatch;
    private final boolean perBatchMedian;
    private final FloatSamples angles = new FloatSamples();
    /** Per-batch averaging or median: the sums of each update's values, in the order of {@link #compute()}. */
    private final BatchMeans batchMeans = new BatchMeans(WITHIN + THRESHOLDS.length);
    private final long[] within = new long[THRESHOLDS.length];
    private double angleSum;
    private long count;

    /** A fresh, pooled metric for {@code task} with the exact median. */
    public NormalAngleMetric(TaskSpec task) {
        this(task, NormalAngleOptions.DEFAULTS);
    }

    /** A fresh metric for {@code task} that averages as {@code options} say. */
    public NormalAngleMetric(TaskSpec task, NormalAngleOptions options) {
        this.task = task.name();
        this.perBatch = options.perBatch();
        this.perBatchMedian = options.perBatchMedian();
    }

    @Override
    @SuppressWarnings("try") // the scope is only closed: that frees the batch's intermediates
    public void update(NDArray prediction, NDArray target) {
        MetricSupport.requireSameShape("normal-angle", task, prediction, target, 3);
        float[] batch;
        try (NDManager scope = MetricSupport.scope(prediction, target)) {
            // models.md: valid where the target's channel sum != 0 (see the class documentation).
            NDArray valid = target.sum(new int[] {1}).neq(0);
            NDArray cosine = prediction.mul(target).sum(new int[] {1}).booleanMask(valid).clip(-1, 1);
            batch = cosine.acos().mul(180 / Math.PI).toType(DataType.FLOAT32, false).toFloatArray();
        }
        if (batch.length == 0) {
            return; // no valid pixel: nothing to pool, no batch value to average
        }
        double batchSum = 0;
        long[] batchWithin = new long[THRESHOLDS.length];
        for (float angle : batch) {
            // The pooled sum adds angle by angle, as it always has, so pooled results keep every bit.
            angleSum += angle;
            batchSum += angle;
            for (int i = 0; i < THRESHOLDS.length; i++) {
                if (angle < THRESHOLDS[i]) {
                    batchWithin[i]++;
                }
            }
        }
        for (int i = 0; i < THRESHOLDS.length; i++) {
            within[i] += batchWithin[i];
        }
        count += batch.length;
        if (perBatchMedian) {
            // Only the running means are kept; a batch is small enough to sort a copy.
            double[] values = new double[WITHIN + THRESHOLDS.length];
            values[MEAN] = batchSum / batch.length;
            values[MEDIAN] = median(batch.clone());
            for (int i = 0; i < THRESHOLDS.length; i++) {
                values[WITHIN + i] = (double) batchWithin[i] / batch.length;
            }
            batchMeans.add(values);
        } else {
            angles.addAll(batch);
        }
    }

    /** The median as {@code numpy.median} defines it; sorts {@code values}, which must not be empty. */
    private static double median(float[] values) {
        Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : ((double) values[mid - 1] + values[mid]) / 2;
    }

    @Override
    public List<MetricValue> compute() {
        List<MetricValue> out = new ArrayList<>(WITHIN + THRESHOLDS.length);
        double mean = perBatch ? batchMeans.mean(MEAN) : MetricSupport.ratio(angleSum, count);
        out.add(new MetricValue(ANGLE_MEAN, mean, Direction.LOWER_IS_BETTER));
        double median = perBatchMedian ? batchMeans.mean(MEDIAN) : angles.median();
        out.add(new MetricValue(ANGLE_MEDIAN, median, Direction.LOWER_IS_BETTER));
        for (int i = 0; i < THRESHOLDS.length; i++) {
            double fraction = perBatch ? batchMeans.mean(WITHIN + i) : MetricSupport.ratio(within[i], count);
            out.add(new MetricValue(THRESHOLD_NAMES[i], fraction, Direction.HIGHER_IS_BETTER));
        }
        return List.copyOf(out);
    }

    @Override
    public void reset() {
        angles.clear();
        Arrays.fill(within, 0);
        angleSum = 0;
        count = 0;
        batchMeans.clear();
    }
}
