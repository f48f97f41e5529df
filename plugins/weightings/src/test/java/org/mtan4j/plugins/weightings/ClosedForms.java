package org.mtan4j.plugins.weightings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mtan4j.testkit.WeightingStep;

/**
 * The shared gradients of the methods that are not {@code sum_k w_k g_k} of the step's task gradients with
 * their reported weights, as the Weighting contract's {@code expectSharedGradient} checks them. The
 * moving-average methods (DB-MTL, MoCo) track their averages from the steps they are shown.
 */
final class ClosedForms {

    private ClosedForms() {
    }

    /**
     * IMTL: the gradients it combines are those of the scaled losses {@code exp(s_k) L_k - s_k}, so the
     * update is {@code sum_k alpha_k exp(s_k) g_k} with the reported {@code alpha} and the learned scales.
     */
    static void assertImtl(WeightingStep step) {
        float[] scales = ((TaskScalars) step.weighting().parameters().orElseThrow()).values().toFloatArray();
        double[] alpha = step.weights();
        double[] coefficients = new double[alpha.length];
        for (int k = 0; k < alpha.length; k++) {
            coefficients[k] = alpha[k] * Math.exp(scales[k]);
        }
        step.assertWeightedSum(coefficients, "IMTL's sum_k alpha_k exp(s_k) g_k with s = " + Arrays.toString(scales));
    }

    /**
     * DB-MTL: the moving averages {@code m_k} of the log-losses' gradients {@code g_k / (L_k + 1e-8)}, scaled
     * to the largest norm ({@code alpha_k = max_j |m_j| / (|m_k| + 1e-8)}, the reported weights); the update
     * is {@code sum_k alpha_k m_k}.
     */
    static final class DbMtl {
        private final double beta;
        private final double betaSigma;
        private double[][] averages;
        private long step;

        DbMtl(DbMtlWeightingProvider.Options options) {
            this.beta = options.beta();
            this.betaSigma = options.betaSigma();
        }

        void assertStep(WeightingStep seen) {
            step++;
            double[] losses = seen.losses();
            int k = losses.length;
            double decay = (float) (beta / Math.pow(step, betaSigma));
            double[][] moved = new double[k][];
            double largest = 0;
            for (int t = 0; t < k; t++) {
                double[] g = seen.taskGradient(t);
                moved[t] = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    double logGradient = g[i] / (losses[t] + 1e-8);
                    double previous = averages == null ? 0 : averages[t][i];
                    moved[t][i] = logGradient - decay * (logGradient - previous);
                }
                largest = Math.max(largest, WeightingStep.norm(moved[t]));
            }
            averages = moved;
            double[] alpha = new double[k];
            for (int t = 0; t < k; t++) {
                alpha[t] = largest / (WeightingStep.norm(moved[t]) + 1e-8);
            }
            assertCombination(seen, alpha, moved, "DB-MTL's sum_k alpha_k m_k of the moving averages");
        }
    }

    /**
     * MoCo: the tracked gradients {@code y_k <- y_k - beta_t (y_k - h_k)} of {@code h_k = g_k L_k / (|g_k| + 1e-8)},
     * the weights {@code lambda <- softmax(lambda - gamma_t (Y Y^T + rho I) lambda)} (reported), and the update
     * {@code sum_k lambda_k y_k}.
     */
    static final class MoCo {
        private final MoCoWeightingProvider.Options options;
        private double[][] tracked;
        private double[] lambda;
        private long step;

        MoCo(MoCoWeightingProvider.Options options) {
            this.options = options;
        }

        void assertStep(WeightingStep seen) {
            step++;
            double[] losses = seen.losses();
            int k = losses.length;
            if (tracked == null) {
                tracked = new double[k][];
                lambda = new double[k];
                Arrays.fill(lambda, 1.0 / k);
            }
            double betaT = (float) (options.beta() / Math.pow(step, options.betaSigma()));
            for (int t = 0; t < k; t++) {
                double[] g = seen.taskGradient(t);
                double scale = losses[t] / (WeightingStep.norm(g) + 1e-8);
                double[] y = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    double previous = tracked[t] == null ? 0 : tracked[t][i];
                    y[i] = previous + betaT * (g[i] * scale - previous);
                }
                tracked[t] = y;
            }
            double gammaT = options.gamma() / Math.pow(step, options.gammaSigma());
            double[] moved = new double[k];
            for (int i = 0; i < k; i++) {
                double product = options.rho() * lambda[i];
                for (int j = 0; j < k; j++) {
                    product += WeightingStep.dot(tracked[i], tracked[j]) * lambda[j];
                }
                moved[i] = lambda[i] - gammaT * product;
            }
            lambda = FamoWeighting.softmax(moved);
            assertCombination(seen, lambda, tracked, "MoCo's sum_k lambda_k y_k of the tracked gradients");
        }
    }

    /** The reported weights are {@code weights} and the shared gradient is {@code sum_k weights_k vectors_k}. */
    private static void assertCombination(WeightingStep seen, double[] weights, double[][] vectors, String closedForm) {
        double[] reported = seen.weights();
        for (int t = 0; t < weights.length; t++) {
            assertEquals(weights[t], reported[t], 1e-4 * Math.max(1, Math.abs(weights[t])),
                    "step " + seen.step() + ": the reported weights are " + Arrays.toString(weights) + ", got " + Arrays.toString(reported));
        }
        double[] expected = new double[vectors[0].length];
        double scale = 0;
        for (int t = 0; t < weights.length; t++) {
            for (int i = 0; i < expected.length; i++) {
                expected[i] += reported[t] * vectors[t][i];
            }
            scale += Math.abs(reported[t]) * WeightingStep.maxAbs(vectors[t]);
        }
        seen.assertSharedGradient(expected, scale, closedForm);
    }

    /**
     * GradDrop: every feature j of the representation gets factors {@code f_kj} in {@code {leak, 1}} (kept or
     * dropped), so the part of the shared gradient that belongs to feature j is {@code sum_k f_kj g_k} there;
     * the reported weight of task k is its mean factor over the features.
     */
    static void assertGradDrop(WeightingStep step, double leak) {
        int k = step.weights().length;
        int features = step.features();
        double[] shared = step.sharedGradient();
        double[][] g = new double[k][];
        double scale = 0;
        for (int t = 0; t < k; t++) {
            g[t] = step.taskGradient(t);
            scale += WeightingStep.maxAbs(g[t]);
        }
        double tolerance = 1e-4 * scale + 1e-9;
        List<List<double[]>> possible = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            List<double[]> matching = new ArrayList<>();
            for (int mask = 0; mask < 1 << k; mask++) {
                double[] factors = new double[k];
                for (int t = 0; t < k; t++) {
                    factors[t] = (mask >> t & 1) == 1 ? 1 : leak;
                }
                if (matches(shared, g, factors, j, features, tolerance)) {
                    matching.add(factors);
                }
            }
            assertFalse(matching.isEmpty(), "step " + step.step() + ": feature " + j
                    + "'s part of the shared gradient is sum_k f_k g_k with every f_k kept (1) or dropped (" + leak + ")");
            possible.add(matching);
        }
        assertTrue(meansCanBe(step.weights(), possible, 0, new double[k]), "step " + step.step()
                + ": the reported weights " + Arrays.toString(step.weights()) + " are the tasks' mean factors over the features");
    }

    private static boolean matches(double[] shared, double[][] g, double[] factors, int feature, int features, double tolerance) {
        for (int i = feature; i < shared.length; i += features) {
            double expected = 0;
            for (int t = 0; t < g.length; t++) {
                expected += factors[t] * g[t][i];
            }
            if (Math.abs(shared[i] - expected) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /** Whether one choice of factors per feature (from {@code possible}) has the mean factors {@code weights}. */
    private static boolean meansCanBe(double[] weights, List<List<double[]>> possible, int feature, double[] sums) {
        if (feature == possible.size()) {
            for (int t = 0; t < weights.length; t++) {
                if (Math.abs(sums[t] / possible.size() - weights[t]) > 1e-6) {
                    return false;
                }
            }
            return true;
        }
        for (double[] factors : possible.get(feature)) {
            double[] next = sums.clone();
            for (int t = 0; t < next.length; t++) {
                next[t] += factors[t];
            }
            if (meansCanBe(weights, possible, feature + 1, next)) {
                return true;
            }
        }
        return false;
    }
}
