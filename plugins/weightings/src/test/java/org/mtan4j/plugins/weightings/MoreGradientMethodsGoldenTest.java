package org.mtan4j.plugins.weightings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.Weighting;
import org.mtan4j.testkit.ContractSupport;

/** UPGrad, DB-MTL and Nash-MTL on gradients chosen so the answer can be worked out by hand. */
class MoreGradientMethodsGoldenTest extends ContractSupport {

    @Test
    void upgradOnConflictingGradients() {
        // g1 = (1,0), g2 = (-1,1): G = [[1,-1],[-1,2]] / trace 3, plus 1e-4 I. For u = (1/2, 0) the bound
        // v1 >= 1/2 is active and v2 = -G12 v1 / G22 = (1/6) / (2/3 + 1e-4); for u = (0, 1/2),
        // v1 = (1/6) / (1/3 + 1e-4). (KKT: the active coordinates' partial derivatives are positive.)
        Weighting w = new UpGradWeightingProvider().create(new UpGradWeightingProvider.Options(1e-4, 1e-4), Golden.tasks(2));
        double w1 = 0.5 + (1.0 / 6) / (1.0 / 3 + 1e-4);
        double w2 = 0.5 + (1.0 / 6) / (2.0 / 3 + 1e-4);
        double[] d = Golden.step(w, manager, new float[][] {{1, 0}, {-1, 1}}, 0, new Random(1));
        assertArrayEquals(new double[] {w1, w2}, w.taskWeights(), 1e-9);
        assertArrayEquals(new double[] {w1 - w2, w2}, d, 1e-6);
        // The update conflicts with neither task (about (1/4, 3/4) without the ridge).
        assertEquals(0.25, d[0], 1e-3);
        assertEquals(0.75, d[1], 1e-3);
    }

    @Test
    void upgradKeepsTheMeanWhenNothingConflicts() {
        // Orthogonal gradients lie in each other's dual cone: each projection is g_i / K itself.
        Weighting w = new UpGradWeightingProvider().create(new UpGradWeightingProvider.Options(1e-4, 1e-4), Golden.tasks(2));
        double[] d = Golden.step(w, manager, new float[][] {{2, 0}, {0, 1}}, 0, new Random(1));
        assertArrayEquals(new double[] {0.5, 0.5}, w.taskWeights(), 1e-9);
        assertArrayEquals(new double[] {1, 0.5}, d, 1e-6);
    }

    @Test
    void dbMtlBalancesLogLossGradientsThroughItsMovingAverage() {
        // Losses g.p + 10 at p = 0: the gradients of log(L + 1e-8) are g / 10: (0.2, 0) and (0, 0.1).
        // Step 1: m = 0.1 g' (beta 0.9 from zero) = (0.02, 0), (0, 0.01); scales max|m| / |m| = (1, 2);
        // update (0.02, 0.02). Step 2: m = g' + 0.9 (m - g') = 0.19 g'; same scales; update (0.038, 0.038).
        Weighting w = new DbMtlWeightingProvider().create(new DbMtlWeightingProvider.Options(0.9, 0), Golden.tasks(2));
        float[][] g = {{2, 0}, {0, 1}};
        assertArrayEquals(new double[] {0.02, 0.02}, Golden.step(w, manager, g, 0, new Random(1)), 1e-6);
        assertArrayEquals(new double[] {1, 2}, w.taskWeights(), 1e-4);
        assertArrayEquals(new double[] {0.038, 0.038}, Golden.step(w, manager, g, 0, new Random(1)), 1e-6);
    }

    @Test
    void nashMtlOnOrthogonalGradients() {
        // G = diag(4, 1), Frobenius norm sqrt17: alpha_i^2 G_ii / sqrt17 = 1, alpha = 17^(1/4) (1/2, 1);
        // the update 17^(1/4) (1, 1) has norm 17^(1/4) sqrt2 > 1 and is clipped to max-norm 1.
        Weighting w = new NashMtlWeightingProvider().create(new NashMtlWeightingProvider.Options(1, 1.0), Golden.tasks(2));
        double a = Math.pow(17, 0.25);
        double clip = 1 / (a * Math.sqrt(2) + 1e-6);
        double[] d = Golden.step(w, manager, new float[][] {{2, 0}, {0, 1}}, 0, new Random(1));
        assertArrayEquals(new double[] {a * clip, a * clip}, d, 1e-6);
        assertArrayEquals(new double[] {a / 2 * clip, a * clip}, w.taskWeights(), 1e-6);
    }

    @Test
    void nashMtlSolvesTheBargainingConditionOnCorrelatedGradients() {
        // Without clipping, d = alpha1 (1,0) + alpha2 (1,1) gives alpha back; the solution must satisfy
        // alpha_i (G alpha)_i = 1 with G = [[1,1],[1,2]] / sqrt7.
        Weighting w = new NashMtlWeightingProvider().create(new NashMtlWeightingProvider.Options(1, 0), Golden.tasks(2));
        double[] d = Golden.step(w, manager, new float[][] {{1, 0}, {1, 1}}, 0, new Random(1));
        double a2 = d[1];
        double a1 = d[0] - d[1];
        double s = Math.sqrt(7);
        assertEquals(1, a1 * (a1 + a2) / s, 1e-5);
        assertEquals(1, a2 * (a1 + 2 * a2) / s, 1e-5);
    }
}
