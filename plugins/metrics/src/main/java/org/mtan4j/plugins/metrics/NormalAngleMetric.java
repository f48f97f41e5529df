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
 * <p>With the per-batch median ({@link NormalAngleOptions#PER_BATCH}) {@value #ANGLE_MEDIAN} is instead
 * the mean over updates that had valid pixels of each update's exact median, as the paper's code
 * computes it; that value depends on the batching (the only exception to the {@link Metric} contract,
 * taken on purpose to reproduce the paper's numbers). The other values are unchanged.
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

    private final String task;
    private final boolean perBatchMedian;
    private final FloatSamples angles = new FloatSamples();
    /** Per-batch mode: the sum of the batches' medians and how many. */
    private double batchMedianSum;
    private long batchMedians;
    private final long[] within = new long[THRESHOLDS.length];
    private double angleSum;
    private long count;

    /** A fresh metric for {@code task} with the exact median. */
    public NormalAngleMetric(TaskSpec task) {
        this(task, false);
    }

    /**
     * A fresh metric for {@code task}.
     *
     * @param perBatchMedian report the mean of per-update medians instead of the exact median
     */
    public NormalAngleMetric(TaskSpec task, boolean perBatchMedian) {
        this.task = task.name();
        this.perBatchMedian = perBatchMedian;
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
        for (float angle : batch) {
            angleSum += angle;
            for (int i = 0; i < THRESHOLDS.length; i++) {
                if (angle < THRESHOLDS[i]) {
                    within[i]++;
                }
            }
        }
        if (perBatchMedian) {
            // Only the running mean of medians is kept; a batch is small enough to sort a copy.
            if (batch.length > 0) {
                float[] sorted = batch.clone();
                Arrays.sort(sorted);
                int mid = sorted.length / 2;
                batchMedianSum += sorted.length % 2 == 1 ? sorted[mid] : ((double) sorted[mid - 1] + sorted[mid]) / 2;
                batchMedians++;
            }
            count += batch.length;
        } else {
            angles.addAll(batch);
            count += batch.length;
        }
    }

    @Override
    public List<MetricValue> compute() {
        long n = count;
        List<MetricValue> out = new ArrayList<>(2 + THRESHOLDS.length);
        out.add(new MetricValue(ANGLE_MEAN, MetricSupport.ratio(angleSum, n), Direction.LOWER_IS_BETTER));
        double median = perBatchMedian ? MetricSupport.ratio(batchMedianSum, batchMedians) : angles.median();
        out.add(new MetricValue(ANGLE_MEDIAN, median, Direction.LOWER_IS_BETTER));
        for (int i = 0; i < THRESHOLDS.length; i++) {
            out.add(new MetricValue(THRESHOLD_NAMES[i], MetricSupport.ratio(within[i], n), Direction.HIGHER_IS_BETTER));
        }
        return List.copyOf(out);
    }

    @Override
    public void reset() {
        angles.clear();
        Arrays.fill(within, 0);
        angleSum = 0;
        count = 0;
        batchMedianSum = 0;
        batchMedians = 0;
    }
}
