package org.mtan4j.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

/**
 * One step of the {@link WeightingContract}'s degenerate problems, as a weighting's test sees it to
 * state what its method prescribes there ({@link WeightingContract#expectDegenerate}): the task
 * gradients the weighting was given, the losses, the weights it reported and the gradients it wrote.
 *
 * <p>Gradients are the ones the method works on: of the shared parameter, or, for a weighting that
 * uses representation gradients, of the representation summed over the batch (as
 * {@code GradientWeighting} forms them). {@link #sharedGradient()} is always the shared parameter's.
 */
public final class DegenerateStep {

    /** The degenerate task sets. Task 0 (and 1) are the odd ones; the other tasks are regular. */
    public enum Case {
        /**
         * In the first step of every epoch task 0's loss is exactly 0 and its gradient exactly zero,
         * what a batch without a single valid pixel gives (the other steps are regular).
         */
        ZERO_GRADIENT_TASK,
        /** Tasks 0 and 1 have the same loss, gradient and own parameters in every step. */
        IDENTICAL_TASKS,
        /**
         * Task 2's loss is task 0's plus task 1's (its own parameter's term aside), so its gradient is
         * their sum: three gradients of rank two, in every step.
         */
        RANK_DEFICIENT
    }

    private final Case kind;
    private final long step;
    private final double[] losses;
    private final double[][] gradients;
    private final double[] weights;
    private final double[] sharedGradient;
    private final double[][] ownGradients;

    DegenerateStep(Case kind, long step, double[] losses, double[][] gradients, double[] weights, double[] sharedGradient,
            double[][] ownGradients) {
        this.kind = kind;
        this.step = step;
        this.losses = losses;
        this.gradients = gradients;
        this.weights = weights;
        this.sharedGradient = sharedGradient;
        this.ownGradients = ownGradients;
    }

    /** Which degenerate set this step has. */
    public Case kind() {
        return kind;
    }

    /** The global step, from 0. */
    public long step() {
        return step;
    }

    /** The task losses' values. */
    public double[] losses() {
        return losses.clone();
    }

    /** Task k's gradient in the space the weighting works in (see the class note). */
    public double[] gradient(int k) {
        return gradients[k].clone();
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

    /** {@code sum_k w_k g_k} over {@link #gradient(int)}. */
    public double[] combination(double[] w) {
        double[] out = new double[gradients[0].length];
        for (int k = 0; k < gradients.length; k++) {
            for (int i = 0; i < out.length; i++) {
                out[i] += w[k] * gradients[k][i];
            }
        }
        return out;
    }

    /** {@code d . g_k}. */
    public double dot(int k, double[] d) {
        return dot(gradients[k], d);
    }

    /** {@code d . g_k / |g_k|}: the length of {@code d} along task k's gradient. */
    public double projection(int k, double[] d) {
        return dot(gradients[k], d) / Math.sqrt(dot(gradients[k], gradients[k]));
    }

    /** The update's projections on the given tasks' unit gradients are equal (relative tolerance). */
    public void assertEqualProjections(double[] d, double tolerance, int... tasks) {
        double first = projection(tasks[0], d);
        for (int k : tasks) {
            double p = projection(k, d);
            assertEquals(first, p, tolerance * Math.max(1, Math.abs(first)),
                    "step " + step + " (" + kind + "): projection on task " + k + " equals that on task " + tasks[0]);
        }
    }

    /** The weighting still trains the shared parameter: its gradient is not zero. */
    public void assertSharedGradientNonZero() {
        assertTrue(norm(sharedGradient) > 0, "step " + step + " (" + kind + "): the shared parameter receives a gradient");
    }

    /**
     * Tasks {@code a} and {@code b}, identical in loss, gradient and parameters, are treated identically:
     * equal weights and equal gradients of their own parameters.
     */
    public void assertTreatedAlike(int a, int b) {
        double scale = Math.max(1, Math.max(Math.abs(weights[a]), Math.abs(weights[b])));
        assertEquals(weights[a], weights[b], 1e-6 * scale,
                "step " + step + ": identical tasks " + a + " and " + b + " get the same weight, got " + Arrays.toString(weights));
        assertArrayEquals(ownGradients[a], ownGradients[b], 1e-6 * Math.max(1, norm(ownGradients[a])),
                "step " + step + ": identical tasks " + a + " and " + b + " give their own parameters the same gradient");
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
