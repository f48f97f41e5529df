package org.mtan4j.plugins.weightings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.mtan4j.testkit.DegenerateStep;

/** What particular methods prescribe in the Weighting contract's degenerate steps. */
final class DegenerateChecks {

    private DegenerateChecks() {
    }

    /**
     * MGDA: the weights {@code alpha} lie on the simplex and {@code d = sum_k alpha_k g_k / n_k} is the
     * min-norm point of the normalised gradients' hull, whose optimality condition is
     * {@code g_k / n_k . d >= |d|^2} for every k (Sener and Koltun, NeurIPS 2018, Alg. 2); next to a zero
     * gradient that point is 0.
     *
     * @param normalization MGDA's option; a normaliser of 0 counts as 1, as the method does
     */
    static void assertMinNormPoint(DegenerateStep step, String normalization, boolean repGrad) {
        double[] w = step.weights();
        int k = w.length;
        double[] alpha = new double[k];
        double[][] unit = new double[k][];
        double largest = 0;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double[] g = step.gradient(i);
            double l2 = DegenerateStep.norm(g);
            double loss = step.losses()[i];
            double n = switch (normalization) {
                case "l2" -> l2;
                case "loss" -> loss;
                case "loss+" -> loss * l2;
                default -> 1;
            };
            n = n == 0 ? 1 : n;
            alpha[i] = repGrad ? w[i] : w[i] * n;
            sum += alpha[i];
            assertTrue(alpha[i] >= -1e-9, "step " + step.step() + ": MGDA's weights lie on the simplex, got " + Arrays.toString(alpha));
            unit[i] = new double[g.length];
            for (int j = 0; j < g.length; j++) {
                unit[i][j] = g[j] / n;
            }
            largest = Math.max(largest, DegenerateStep.dot(unit[i], unit[i]));
        }
        assertEquals(1, sum, 1e-6, "step " + step.step() + ": MGDA's weights sum to 1");
        double[] d = new double[unit[0].length];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d.length; j++) {
                d[j] += alpha[i] * unit[i][j];
            }
        }
        double dd = DegenerateStep.dot(d, d);
        for (int i = 0; i < k; i++) {
            assertTrue(DegenerateStep.dot(unit[i], d) >= dd - 1e-4 * largest, "step " + step.step() + " (" + step.kind()
                    + "): the update is the min-norm point, so no task's normalised gradient has a projection on it below |d|");
        }
        if (step.kind() == DegenerateStep.Case.ZERO_GRADIENT_TASK) {
            assertTrue(dd <= 1e-4 * largest, "step " + step.step() + ": next to a zero gradient the min-norm point is 0, got |d|^2 = "
                    + dd + " against " + largest);
        }
    }

    /**
     * Random loss weights: identical tasks get different draws, but nothing else differs between them,
     * so their own parameters' gradients are in the ratio of their weights.
     */
    static void assertOnlyTheDrawsDiffer(DegenerateStep step) {
        double[] w = step.weights();
        double[] ownGradient0 = step.ownGradient(0);
        double[] ownGradient1 = step.ownGradient(1);
        for (int i = 0; i < ownGradient0.length; i++) {
            assertEquals(ownGradient0[i] / w[0], ownGradient1[i] / w[1], 1e-5 * Math.max(1, Math.abs(ownGradient0[i] / w[0])),
                    "step " + step.step() + ": identical tasks' own gradients differ by their random weights alone");
        }
    }

    /**
     * IMTL's promise: the update {@code sum_k alpha_k g_k} (from the reported weights) has equal
     * projections on every task's unit gradient; a zero-gradient task has none and gets weight 0. Checked
     * where the pseudo-inverse's solution is exact: next to a zero gradient and with identical tasks.
     */
    static void assertImpartial(DegenerateStep step) {
        double[] w = step.weights();
        double[] d = step.combination(w);
        switch (step.kind()) {
            case ZERO_GRADIENT_TASK -> {
                assertEquals(0, w[0], 1e-12, "step " + step.step() + ": the zero-gradient task gets weight 0");
                step.assertEqualProjections(d, 1e-5, 1, 2);
            }
            case IDENTICAL_TASKS -> step.assertEqualProjections(d, 1e-5, 0, 1, 2);
            default -> {
                // rank-deficient: the least-squares solution; the generic properties suffice
            }
        }
    }

    /** Tasks {@code a} and {@code b} give their own parameters the same gradient. */
    static void assertSameOwnGradients(DegenerateStep step, int a, int b) {
        assertArrayEquals(step.ownGradient(a), step.ownGradient(b), 1e-6 * Math.max(1, DegenerateStep.norm(step.ownGradient(a))),
                "step " + step.step() + ": identical tasks " + a + " and " + b + " give their own parameters the same gradient");
    }

    /**
     * FairGrad's weights satisfy {@code (G w)_k = w_k^(-1/alpha)} for every task with a gradient, and are 0
     * for a zero gradient ({@code w = 1} for {@code alpha = 0}).
     */
    static void assertAlphaFair(DegenerateStep step, double alpha) {
        double[] w = step.weights();
        int k = w.length;
        double[][] g = new double[k][];
        double largest = 0;
        for (int i = 0; i < k; i++) {
            g[i] = step.gradient(i);
            largest = Math.max(largest, DegenerateStep.dot(g[i], g[i]));
        }
        for (int i = 0; i < k; i++) {
            if (alpha == 0) {
                assertEquals(1, w[i], 0, "alpha 0: the plain sum");
                continue;
            }
            if (!(DegenerateStep.dot(g[i], g[i]) > 1e-12 * largest)) {
                assertEquals(0, w[i], 0, "step " + step.step() + ": a zero gradient gets weight 0");
                continue;
            }
            double gw = 0;
            for (int j = 0; j < k; j++) {
                gw += DegenerateStep.dot(g[i], g[j]) * w[j];
            }
            double target = Math.pow(w[i], -1 / alpha);
            assertEquals(target, gw, 1e-6 * target, "step " + step.step() + " (" + step.kind() + "): (G w)_" + i + " = w_" + i + "^(-1/alpha)");
        }
    }

    /** The update conflicts with no task: {@code d . g_k >= 0} up to the ridge's effect. */
    static void assertNonConflicting(DegenerateStep step) {
        double[] d = step.sharedGradient();
        for (int i = 0; i < step.weights().length; i++) {
            double[] g = step.gradient(i);
            assertTrue(DegenerateStep.dot(g, d) >= -1e-3 * DegenerateStep.norm(g) * DegenerateStep.norm(d), "step " + step.step()
                    + " (" + step.kind() + "): the update conflicts with no task, but d . g_" + i + " = " + DegenerateStep.dot(g, d));
        }
    }
}
