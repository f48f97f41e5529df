package org.mtan4j.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.mtan4j.api.Weighting;

/**
 * One step of the {@link WeightingContract}'s problem as a weighting's test sees it, to check the shared
 * gradient the method wrote against the closed form it declares ({@link WeightingContract#expectSharedGradient}):
 * the losses, each task's gradient of the shared parameter, the weights the method reported and the
 * gradients it left.
 *
 * <p>The problem's shared parameter is a {@code 4 x 4} matrix {@code W}; every task reads the
 * representation {@code Z = x W} of a batch of 8 samples with {@link #features()} features. Gradients of
 * {@code W} are flattened row-major, so element {@code i} belongs to feature {@code i % features()}: a
 * method that scales a representation's features (GradDrop) scales those elements.
 */
public class WeightingStep {

    private static final int FEATURES = 4;

    private final Weighting weighting;
    private final long step;
    private final double[] losses;
    private final double[][] taskGradients;
    private final double[] weights;
    private final double[] sharedGradient;
    private final double[][] ownGradients;

    WeightingStep(Weighting weighting, long step, double[] losses, double[][] taskGradients, double[] weights,
            double[] sharedGradient, double[][] ownGradients) {
        this.weighting = weighting;
        this.step = step;
        this.losses = losses;
        this.taskGradients = taskGradients;
        this.weights = weights;
        this.sharedGradient = sharedGradient;
        this.ownGradients = ownGradients;
    }

    /** The same step, for a subclass that adds to what it holds. */
    WeightingStep(WeightingStep other) {
        this(other.weighting, other.step, other.losses, other.taskGradients, other.weights, other.sharedGradient,
                other.ownGradients);
    }

    /** The weighting under test, for a closed form that reads its learned parameters. */
    public Weighting weighting() {
        return weighting;
    }

    /** The global step, from 0. */
    public long step() {
        return step;
    }

    /** The task losses' values. */
    public double[] losses() {
        return losses.clone();
    }

    /** Task k's loss's gradient of the shared parameter, {@code g_k}, flattened (see the class note). */
    public double[] taskGradient(int k) {
        return taskGradients[k].clone();
    }

    /** The representation's feature count: element {@code i} of a shared gradient belongs to feature {@code i % features()}. */
    public int features() {
        return FEATURES;
    }

    /** The weights the weighting reported for this step. */
    public double[] weights() {
        return weights.clone();
    }

    /** The gradient the weighting left in the shared parameter. */
    public double[] sharedGradient() {
        return sharedGradient.clone();
    }

    /** The gradient of task k's own parameter (a head's, in a network). */
    public double[] ownGradient(int k) {
        return ownGradients[k].clone();
    }

    /** {@code sum_k c_k g_k} over the tasks' gradients of the shared parameter ({@link #taskGradient}). */
    public double[] weightedSum(double[] coefficients) {
        return weightedSum(taskGradients, coefficients);
    }

    /** {@code sum_k c_k v_k}. */
    static double[] weightedSum(double[][] vectors, double[] coefficients) {
        double[] out = new double[vectors[0].length];
        for (int k = 0; k < vectors.length; k++) {
            for (int i = 0; i < out.length; i++) {
                out[i] += coefficients[k] * vectors[k][i];
            }
        }
        return out;
    }

    /**
     * The shared gradient is {@code sum_k w_k g_k} with the weights {@code w} the method reported: what a
     * method linear in the task gradients owes (every {@code LossWeighting} and {@code GradientWeighting},
     * and a loss-level method that reports {@code dL/dL_k}).
     */
    public void assertWeightedSum() {
        assertWeightedSum(weights, "sum_k w_k g_k with the reported weights " + Arrays.toString(weights));
    }

    /**
     * The shared gradient is {@code sum_k c_k g_k}, within float32 rounding of the terms' sizes.
     *
     * @param closedForm what the coefficients are, for the message
     */
    public void assertWeightedSum(double[] coefficients, String closedForm) {
        double scale = 0;
        for (int k = 0; k < taskGradients.length; k++) {
            scale += Math.abs(coefficients[k]) * maxAbs(taskGradients[k]);
        }
        assertSharedGradient(weightedSum(coefficients), scale, closedForm);
    }

    /**
     * The shared gradient is {@code expected}, within {@code 1e-4 scale} per element (float32 rounding of
     * terms of size {@code scale}).
     *
     * @param closedForm what {@code expected} is, for the message
     */
    public void assertSharedGradient(double[] expected, double scale, String closedForm) {
        double tolerance = 1e-4 * scale + 1e-9;
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(sharedGradient[i] - expected[i]);
            assertTrue(error <= tolerance, "step " + step + ": the shared gradient is " + closedForm + ", but element " + i
                    + " is " + sharedGradient[i] + " where the closed form gives " + expected[i] + " (tolerance " + tolerance + ")");
        }
    }

    /** The largest absolute element. */
    public static double maxAbs(double[] v) {
        double out = 0;
        for (double value : v) {
            out = Math.max(out, Math.abs(value));
        }
        return out;
    }

    /** The Euclidean norm. */
    public static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    /** The dot product. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
