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
    private final FloatSamples angles = new FloatSamples();
    private final long[] within = new long[THRESHOLDS.length];
    private double angleSum;

    /** A fresh metric for {@code task}. */
    public NormalAngleMetric(TaskSpec task) {
        this.task = task.name();
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
        angles.addAll(batch);
    }

    @Override
    public List<MetricValue> compute() {
        long n = angles.size();
        List<MetricValue> out = new ArrayList<>(2 + THRESHOLDS.length);
        out.add(new MetricValue(ANGLE_MEAN, MetricSupport.ratio(angleSum, n), Direction.LOWER_IS_BETTER));
        out.add(new MetricValue(ANGLE_MEDIAN, angles.median(), Direction.LOWER_IS_BETTER));
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
    }
}
