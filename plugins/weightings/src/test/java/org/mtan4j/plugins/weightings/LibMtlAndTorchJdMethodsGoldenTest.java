package org.mtan4j.plugins.weightings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.Weighting;

/**
 * MoCo, ExcessMTL, FairGrad, SDMGrad, MoDo, RGW (LibMTL) and ConFIG, DualProj (TorchJD) on gradients
 * chosen so the answer follows from the method's closed form (derivations in the comments; where an
 * iteration runs many steps, the values come from a re-derivation of LibMTL's loop in NumPy, quoted).
 */
class LibMtlAndTorchJdMethodsGoldenTest {

    static {
        System.setProperty("ai.djl.offline", "true");
    }

    private static final float[][] ORTHOGONAL = {{2, 0}, {0, 1}};
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private double[] step(Weighting w, float[][] g) {
        return Golden.step(w, manager, g, 0, new Random(1));
    }

    private double[] step(Weighting w, float[][] g, float[] losses) {
        return Golden.step(w, manager, g, losses, 0, new Random(1));
    }

    @Test
    void fairGradWithAlphaOneIsProportionallyFair() {
        // G = diag(4, 1): w_k G_kk = 1 / w_k, w = (1/2, 1), update (1, 1).
        Weighting w = new FairGradWeightingProvider().create(new FairGradWeightingProvider.Options(1), Golden.tasks(2));
        assertArrayEquals(new double[] {1, 1}, step(w, ORTHOGONAL), 1e-6);
        assertArrayEquals(new double[] {0.5, 1}, w.taskWeights(), 1e-9);
    }

    @Test
    void fairGradWithAlphaTwoSolvesItsPowerLaw() {
        // w_k G_kk = w_k^(-1/2): w_k = G_kk^(-2/3) = (4^(-2/3), 1).
        Weighting w = new FairGradWeightingProvider().create(new FairGradWeightingProvider.Options(2), Golden.tasks(2));
        double w1 = Math.pow(4, -2.0 / 3);
        assertArrayEquals(new double[] {2 * w1, 1}, step(w, ORTHOGONAL), 1e-6);
        assertArrayEquals(new double[] {w1, 1}, w.taskWeights(), 1e-9);
    }

    @Test
    void fairGradWithAlphaZeroIsEqualWeighting() {
        float[][] g = {{1, 0}, {-2, 1}, {0.5f, 3}};
        double[] equal = step(new EqualWeightingProvider().create(NoOptions.INSTANCE, Golden.tasks(3)), g);
        Weighting w = new FairGradWeightingProvider().create(new FairGradWeightingProvider.Options(0), Golden.tasks(3));
        assertArrayEquals(equal, step(w, g), 1e-6);
        assertArrayEquals(new double[] {-0.5, 4}, equal, 1e-6);
        assertArrayEquals(new double[] {1, 1, 1}, w.taskWeights(), 0);
    }

    @Test
    void fairGradWithAlphaOneIsNashMtlsBargainingSolution() {
        // Nash-MTL solves w (G w) = 1 on G / |G|_F: the same solution scaled by sqrt(|G|_F); unclipped (max-norm 0).
        float[][] g = {{1, 0.5f}, {-1, 1}, {0.2f, 2}};
        Weighting fair = new FairGradWeightingProvider().create(new FairGradWeightingProvider.Options(1), Golden.tasks(3));
        Weighting nash = new NashMtlWeightingProvider().create(new NashMtlWeightingProvider.Options(1, 0), Golden.tasks(3));
        step(fair, g);
        step(nash, g);
        double frobenius = 0;
        for (float[] a : g) {
            for (float[] b : g) {
                double dot = a[0] * b[0] + a[1] * b[1];
                frobenius += dot * dot;
            }
        }
        double scale = Math.sqrt(Math.sqrt(frobenius));
        double[] expected = nash.taskWeights();
        for (int k = 0; k < 3; k++) {
            expected[k] /= scale;
        }
        assertArrayEquals(expected, fair.taskWeights(), 1e-6);
    }

    @Test
    void modoTakesOneProjectedStepOnTheWeights() {
        // lambda = (1/2, 1/2), G lambda = (2, 1/2); gamma = rho = 0.1:
        // lambda - 0.1 ((2, 0.5) + 0.1 (0.5, 0.5)) = (0.295, 0.445), projected: + 0.13 each = (0.425, 0.575).
        Weighting w = new ModoWeightingProvider().create(new ModoWeightingProvider.Options(0.1, 0.1), Golden.tasks(2));
        assertArrayEquals(new double[] {0.85, 0.575}, step(w, ORTHOGONAL), 1e-6);
        assertArrayEquals(new double[] {0.425, 0.575}, w.taskWeights(), 1e-12);
        // Step 2 from there: G lambda = (1.7, 0.575); lambda - 0.1 ((1.7, 0.575) + 0.1 lambda) = (0.25075, 0.51175),
        // projected: + 0.11875 each = (0.3695, 0.6305).
        assertArrayEquals(new double[] {0.739, 0.6305}, step(w, ORTHOGONAL), 1e-6);
    }

    @Test
    void sdmGradOneIterationThenTwenty() {
        // Mean norm (2 + 1) / 2 = 1.5, A = G / 2.25; with w = (1/2, 1/2) the SGD gradient is
        // A w + 0.3 A 1 / 2 = (8/9 + 0.8/3, 2/9 + 0.2/3); w - 5 * that = (-5.28, -0.94) projects to (0, 1).
        // Coefficients ((0, 1) + 0.3 / 2) / 1.3, update (0.3 / 1.3, 1.15 / 1.3).
        Weighting one = new SdmGradWeightingProvider().create(new SdmGradWeightingProvider.Options(0.3, 1), Golden.tasks(2));
        assertArrayEquals(new double[] {0.3 / 1.3, 1.15 / 1.3}, step(one, ORTHOGONAL), 1e-6);
        assertArrayEquals(new double[] {0.15 / 1.3, 1.15 / 1.3}, one.taskWeights(), 1e-9);
        // 20 iterations (LibMTL's default) of the same loop, from NumPy: w = (0.5649752181052605, 0.4350247818947395).
        Weighting twenty = new SdmGradWeightingProvider().create(new SdmGradWeightingProvider.Options(0.3, 20), Golden.tasks(2));
        assertArrayEquals(new double[] {1.0999618740080932, 0.45001906299595346}, step(twenty, ORTHOGONAL), 1e-6);
        assertArrayEquals(new double[] {0.5499809370040466, 0.45001906299595346}, twenty.taskWeights(), 1e-8);
    }

    @Test
    void moCoTracksLossScaledGradients() {
        // Losses (10, 20): h = g / |g| L = (10, 0), (0, 20). Step 1: y = 0.5 h = (5, 0), (0, 10), Y Y^T = diag(25, 100),
        // lambda = softmax((1/2, 1/2) - 0.1 (12.5, 50)) = softmax(-0.75, -4.5); the update is lambda_1 y_1 + lambda_2 y_2.
        Weighting w = new MoCoWeightingProvider().create(new MoCoWeightingProvider().defaultOptions(), Golden.tasks(2));
        float[] losses = {10, 20};
        double l1 = 1 / (1 + Math.exp(-3.75));
        assertArrayEquals(new double[] {5 * l1, 10 * (1 - l1)}, step(w, ORTHOGONAL, losses), 1e-5);
        assertArrayEquals(new double[] {l1, 1 - l1}, w.taskWeights(), 1e-6);
        // Step 2 (beta and gamma / sqrt2), from NumPy: lambda = (0.1286885749978525, 0.8713114250021474).
        assertArrayEquals(new double[] {0.8709342807401287, 11.793665217806486}, step(w, ORTHOGONAL, losses), 1e-4);
        assertArrayEquals(new double[] {0.1286885749978525, 0.8713114250021474}, w.taskWeights(), 1e-5);
    }

    @Test
    void excessMtlRaisesTheWeightOfTheTaskFurtherFromItsStart() {
        // Step 1: s = g^2, e = (4 / 2, 1 / 1) = (2, 1) (the 1e-7 aside) is the baseline; weights stay (1, 1).
        Weighting w = new ExcessMtlWeightingProvider().create(new ExcessMtlWeightingProvider.Options(0.01), Golden.tasks(2));
        assertArrayEquals(new double[] {2, 1}, step(w, ORTHOGONAL), 1e-6);
        assertArrayEquals(new double[] {1, 1}, w.taskWeights(), 0);
        // Step 2, g1 = (4, 0): s = (20, 2), e = (16 / sqrt20, 1 / sqrt2), ratios (e / (2, 1)); w ~ exp(0.01 ratio), sum 2.
        double r1 = 16 / Math.sqrt(20) / 2;
        double r2 = 1 / Math.sqrt(2);
        double w1 = 2 * Math.exp(0.01 * r1) / (Math.exp(0.01 * r1) + Math.exp(0.01 * r2));
        assertArrayEquals(new double[] {4 * w1, 2 - w1}, step(w, new float[][] {{4, 0}, {0, 1}}), 1e-5);
        assertArrayEquals(new double[] {w1, 2 - w1}, w.taskWeights(), 1e-6);
        assertEquals(1.0054086852625252, w1, 1e-9); // NumPy's re-derivation of LibMTL's step
    }

    @Test
    void rgwWeighsTheGradientsWithRlwsDraws() {
        // The same generator gives RLW's weights; on the shared parameters RGW's update is RLW's.
        double[] draws = RlwWeighting.softmaxOfNormals(new Random(1), 2);
        Weighting rgw = new RgwWeightingProvider().create(new RgwWeightingProvider.Options(false), Golden.tasks(2));
        assertArrayEquals(new double[] {2 * draws[0], draws[1]}, step(rgw, ORTHOGONAL), 1e-6);
        assertArrayEquals(draws, rgw.taskWeights(), 0);
        Weighting rlw = new RlwWeightingProvider().create(NoOptions.INSTANCE, Golden.tasks(2));
        assertArrayEquals(step(rlw, ORTHOGONAL), step(rgw, ORTHOGONAL), 1e-6);
    }

    @Test
    void configOnOrthogonalGradients() {
        // u = e_1, e_2: b = U^+ 1 = (1, 1); the projections of g on b^ sum to (2 + 1) / sqrt2, so the update is 1.5 (1, 1).
        Weighting w = new ConfigWeightingProvider().create(NoOptions.INSTANCE, Golden.tasks(2));
        assertArrayEquals(new double[] {1.5, 1.5}, step(w, ORTHOGONAL), 1e-6);
    }

    @Test
    void configHasEqualCosineWithEveryGradient() {
        // g1 = (2, 0), g2 = (1, 1): b . u_1 = b . u_2 = 1 gives b = (1, sqrt2 - 1), |b|^2 = 4 - 2 sqrt2; the
        // projections sum to (g1 + g2) . b / |b| = (2 + sqrt2) / |b|, so d = (2 + sqrt2) / (4 - 2 sqrt2) b =
        // (1.5 + sqrt2) (1, sqrt2 - 1), whose projections on both unit gradients are 1.5 + sqrt2.
        double r = Math.sqrt(2);
        double[] expected = {1.5 + r, (1.5 + r) * (r - 1)};
        Weighting w = new ConfigWeightingProvider().create(NoOptions.INSTANCE, Golden.tasks(2));
        assertArrayEquals(expected, step(w, new float[][] {{2, 0}, {1, 1}}), 1e-5);
        // A zero gradient has no direction: weight 0, and the others' answer is unchanged.
        Weighting three = new ConfigWeightingProvider().create(NoOptions.INSTANCE, Golden.tasks(3));
        assertArrayEquals(expected, step(three, new float[][] {{0, 0}, {2, 0}, {1, 1}}), 1e-5);
        assertEquals(0, three.taskWeights()[0], 0);
    }

    @Test
    void dualProjKeepsAMeanThatConflictsWithNoTask() {
        Weighting w = new DualProjWeightingProvider().create(new DualProjWeightingProvider.Options(1e-4, 1e-4), Golden.tasks(2));
        assertArrayEquals(new double[] {1, 0.5}, step(w, ORTHOGONAL), 1e-6);
        assertArrayEquals(new double[] {0.5, 0.5}, w.taskWeights(), 1e-9);
    }

    @Test
    void dualProjProjectsAConflictingMeanOntoTheDualCone() {
        // g1 = (1, 0), g2 = (-2, 1): the mean (-1/2, 1/2) conflicts with g1; its projection onto {d . g_k >= 0}
        // is (0, 1/2) = 1 g1 + 1/2 g2. With G / tr G + 1e-4 I (tr = 6), v2 = 1/2 stays at its bound and
        // v1 = -G12 v2 / G11 = (1/6) / (1/6 + 1e-4).
        Weighting w = new DualProjWeightingProvider().create(new DualProjWeightingProvider.Options(1e-4, 1e-4), Golden.tasks(2));
        double v1 = (1.0 / 6) / (1.0 / 6 + 1e-4);
        assertArrayEquals(new double[] {v1 - 1, 0.5}, step(w, new float[][] {{1, 0}, {-2, 1}}), 1e-6);
        assertArrayEquals(new double[] {v1, 0.5}, w.taskWeights(), 1e-9);
    }
}
