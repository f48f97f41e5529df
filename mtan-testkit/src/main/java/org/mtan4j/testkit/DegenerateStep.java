package org.mtan4j.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

/**
 * One step of the {@link WeightingContract}'s degenerate problems, as a weighting's test sees it to
 * state what its method prescribes there ({@link WeightingContract#expectDegenerate}): besides what every
 * {@link WeightingStep} holds, the degenerate case and the task gradients the weighting was given.
 *
 * <p>{@link #gradient(int)} is the gradient the method works on: of the shared parameter, or, for a
 * weighting that uses representation gradients, of the representation summed over the batch (as
 * {@link org.mtan4j.api.weighting.GradientWeighting} forms them). {@link #sharedGradient()} and
 * {@link #taskGradient(int)} are always the shared parameter's.
 */
public final class DegenerateStep extends WeightingStep {

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
    private final double[][] gradients;

    DegenerateStep(Case kind, WeightingStep step, double[][] gradients) {
        super(step);
        this.kind = kind;
        this.gradients = gradients;
    }

    /** Which degenerate set this step has. */
    public Case kind() {
        return kind;
    }

    /** Task k's gradient in the space the weighting works in (see the class note). */
    public double[] gradient(int k) {
        return gradients[k].clone();
    }

    /** {@code sum_k w_k g_k} over {@link #gradient(int)}. */
    public double[] combination(double[] w) {
        return weightedSum(gradients, w);
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
                    "step " + step() + " (" + kind + "): projection on task " + k + " equals that on task " + tasks[0]);
        }
    }

    /** The weighting still trains the shared parameter: its gradient is not zero. */
    public void assertSharedGradientNonZero() {
        assertTrue(norm(sharedGradient()) > 0, "step " + step() + " (" + kind + "): the shared parameter receives a gradient");
    }

    /**
     * Tasks {@code a} and {@code b}, identical in loss, gradient and parameters, are treated identically:
     * equal weights and equal gradients of their own parameters.
     */
    public void assertTreatedAlike(int a, int b) {
        double[] weights = weights();
        double scale = Math.max(1, Math.max(Math.abs(weights[a]), Math.abs(weights[b])));
        assertEquals(weights[a], weights[b], 1e-6 * scale,
                "step " + step() + ": identical tasks " + a + " and " + b + " get the same weight, got " + Arrays.toString(weights));
        assertArrayEquals(ownGradient(a), ownGradient(b), 1e-6 * Math.max(1, norm(ownGradient(a))),
                "step " + step() + ": identical tasks " + a + " and " + b + " give their own parameters the same gradient");
    }
}
