package org.mtan4j.plugins.weightings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.Weighting;
import org.mtan4j.testkit.ContractSupport;

/**
 * Each gradient-level method on two or three tasks whose gradients are known, against answers worked
 * out by hand (derivations in the comments).
 */
class GradientMethodsGoldenTest extends ContractSupport {

    private static final double TOL = 1e-5;
    private double[] run(Weighting w, float[]... g) {
        Golden.initialise(w, manager);
        return Golden.step(w, manager, g, 0, new Random(1));
    }

    @Test
    void pcgradProjectsOutTheConflict() {
        // g1 = (1,0), g2 = (-1,1), g1.g2 = -1. pc1 = g1 - (-1/2) g2 = (0.5,0.5); pc2 = g2 - (-1/1) g1 = (0,1).
        // The self-pairs and the re-checks after projection are non-negative, so the order does not matter.
        Weighting w = new PcGradWeightingProvider().create(NoOptions.INSTANCE, Golden.tasks(2));
        assertArrayEquals(new double[] {0.5, 1.5}, run(w, new float[] {1, 0}, new float[] {-1, 1}), TOL);
        // pc1 + pc2 = 2 g1 + 1.5 g2
        assertArrayEquals(new double[] {2, 1.5}, w.taskWeights(), TOL);
    }

    @Test
    void pcgradLeavesAgreeingGradientsAlone() {
        Weighting w = new PcGradWeightingProvider().create(NoOptions.INSTANCE, Golden.tasks(2));
        assertArrayEquals(new double[] {2, 1}, run(w, new float[] {1, 0}, new float[] {1, 1}), TOL);
        assertArrayEquals(new double[] {1, 1}, w.taskWeights(), TOL);
    }

    @Test
    void mgdaFindsTheMinNormPointOfTwo() {
        // |a (2,0) + (1-a) (0,1)|^2 = 4a^2 + (1-a)^2 is least at a = 1/5: (0.4, 0.8).
        Weighting w = new MgdaWeightingProvider().create(new MgdaWeightingProvider.Options("none", false), Golden.tasks(2));
        assertArrayEquals(new double[] {0.4, 0.8}, run(w, new float[] {2, 0}, new float[] {0, 1}), TOL);
        assertArrayEquals(new double[] {0.2, 0.8}, w.taskWeights(), TOL);
    }

    @Test
    void mgdaFindsTheMinNormPointOfThree() {
        // The hull of (1,0), (0,1), (1,1): the nearest point to 0 is the midpoint of the first two.
        Weighting w = new MgdaWeightingProvider().create(new MgdaWeightingProvider.Options("none", false), Golden.tasks(3));
        assertArrayEquals(new double[] {0.5, 0.5}, run(w, new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 1}), 1e-4);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, w.taskWeights(), 1e-4);
    }

    @Test
    void mgdaWithL2NormalisationWeighsUnitGradients() {
        // Normalised: (1,0) and (0,1), min-norm point (1/2, 1/2); the raw gradients get 1/2 / |g_k|.
        Weighting w = new MgdaWeightingProvider().create(new MgdaWeightingProvider.Options("l2", false), Golden.tasks(2));
        assertArrayEquals(new double[] {0.5, 0.5}, run(w, new float[] {2, 0}, new float[] {0, 1}), TOL);
        assertArrayEquals(new double[] {0.25, 0.5}, w.taskWeights(), TOL);
    }

    @Test
    void mgdaUpperBoundWorksOnTheRepresentation() {
        // Z = two rows of p (a batch of 2), L_k = sum over the batch of a_k . Z_k: dL_k/dZ = a_k per sample,
        // batch sums 2 a_k, whose min-norm weights are (1/5, 4/5) as above. Back through the representation:
        // per sample (0.4, 0.8), and dZ/dp sums the two rows: (0.8, 1.6).
        assertArrayEquals(new float[] {0.8f, 1.6f}, repRun("none", new double[] {0.2, 0.8}), 1e-5f);
        // l2: the normalised sums (1,0), (0,1) give alpha (1/2, 1/2), applied to the raw gradients as LibMTL's
        // rep_grad path does: per sample (1, 0.5), summed over the batch (2, 1).
        assertArrayEquals(new float[] {2f, 1f}, repRun("l2", new double[] {0.5, 0.5}), 1e-5f);
    }

    private float[] repRun(String normalization, double[] expectedWeights) {
        Weighting w = new MgdaWeightingProvider().create(new MgdaWeightingProvider.Options(normalization, true), Golden.tasks(2));
        assertEquals(true, w.usesRepresentationGradients());
        ai.djl.ndarray.NDArray p = manager.zeros(new ai.djl.ndarray.types.Shape(2));
        p.setRequiresGradient(true);
        try (ai.djl.training.GradientCollector collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            ai.djl.ndarray.NDArray z = p.reshape(1, 2).repeat(0, 2);
            ai.djl.ndarray.NDList leaves = new ai.djl.ndarray.NDList(
                    org.mtan4j.testkit.GradientContext.cut(z), org.mtan4j.testkit.GradientContext.cut(z));
            ai.djl.ndarray.NDList losses = new ai.djl.ndarray.NDList(
                    leaves.get(0).mul(manager.create(new float[] {2, 0})).sum(),
                    leaves.get(1).mul(manager.create(new float[] {0, 1})).sum());
            w.backward(losses, new org.mtan4j.testkit.GradientContext(Golden.tasks(2), 0, 0, new Random(1), collector,
                    java.util.List.of(p), manager).withRepresentations(new ai.djl.ndarray.NDList(z, z), leaves));
        }
        assertArrayEquals(expectedWeights, w.taskWeights(), TOL);
        return p.getGradient().toFloatArray();
    }

    @Test
    void cagradOnOrthogonalUnitGradients() {
        // Symmetric, so w = (1/2,1/2): g0 = gw = (1/2,1/2), |g0| = sqrt(mean(GG)) = sqrt(1/2),
        // c = 0.5 sqrt(1/2), lambda = c / |gw| = 1/2, d = g0 + gw / 2 = (3/4,3/4), / (1 + 0.25) = (0.6, 0.6).
        Weighting w = new CaGradWeightingProvider().create(new CaGradWeightingProvider.Options(0.5, 1), Golden.tasks(2));
        assertArrayEquals(new double[] {0.6, 0.6}, run(w, new float[] {1, 0}, new float[] {0, 1}), TOL);
    }

    @Test
    void cagradAtTheSimplexBoundary() {
        // g1 = (2,0), g2 = (0,1), w = (a, 1-a): objective (1 + 3a)/2 + c sqrt(5a^2 - 2a + 1) with
        // c = 0.5 sqrt(5/4). Its derivative at 0 is 1.5 - c > 0 and it is convex, so a = 0: gw = g2,
        // lambda = c, d = (1, 0.5) + c (0, 1), divided by 1.25.
        Weighting w = new CaGradWeightingProvider().create(new CaGradWeightingProvider.Options(0.5, 1), Golden.tasks(2));
        double c = 0.5 * Math.sqrt(1.25);
        assertArrayEquals(new double[] {0.8, (0.5 + c) / 1.25}, run(w, new float[] {2, 0}, new float[] {0, 1}), TOL);
    }

    @Test
    void cagradWithoutRadiusIsTheMean() {
        Weighting w = new CaGradWeightingProvider().create(new CaGradWeightingProvider.Options(0, 0), Golden.tasks(2));
        assertArrayEquals(new double[] {1, 0.5}, run(w, new float[] {2, 0}, new float[] {0, 1}), TOL);
    }

    @Test
    void imtlEqualisesTheProjections() {
        // g1 = (1,0), g2 = (1,1): D = (0,-1), U = (1 - 1/sqrt2, -1/sqrt2), D.U = 1/sqrt2, g1.U = 1 - 1/sqrt2,
        // alpha2 = sqrt2 - 1, alpha1 = 2 - sqrt2; the update (1, sqrt2 - 1) projects to 1 on both unit gradients.
        Weighting w = new ImtlWeightingProvider().create(new ImtlWeightingProvider.Options(false), Golden.tasks(2));
        double r = Math.sqrt(2);
        assertArrayEquals(new double[] {1, r - 1}, run(w, new float[] {1, 0}, new float[] {1, 1}), TOL);
        assertArrayEquals(new double[] {2 - r, r - 1}, w.taskWeights(), TOL);
        // IMTL-L: d/ds (exp(s) L - s) = exp(0) * 10 - 1 = 9 for each scale.
        ai.djl.nn.Parameter scales = w.parameters().orElseThrow().getParameters().valueAt(0);
        assertArrayEquals(new float[] {9, 9}, scales.getArray().getGradient().toFloatArray(), 1e-4f);
    }

    @Test
    void imtlGivesAZeroGradientWeightZeroAndTheOthersEqualProjections() {
        // g0 = 0 is a zero row and column of G, so of its pseudo-inverse: alpha0 = 0, and tasks 1, 2 get
        // the two-task answer above, (2 - sqrt2, sqrt2 - 1). LibMTL divides by |g0| = 0 here: NaN.
        Weighting w = new ImtlWeightingProvider().create(new ImtlWeightingProvider.Options(false), Golden.tasks(3));
        double r = Math.sqrt(2);
        assertArrayEquals(new double[] {1, r - 1}, run(w, new float[] {0, 0}, new float[] {1, 0}, new float[] {1, 1}), TOL);
        assertArrayEquals(new double[] {0, 2 - r, r - 1}, w.taskWeights(), TOL);
    }

    @Test
    void imtlTreatsTwoIdenticalGradientsImpartially() {
        // g0 = g1 = (1,0), g2 = (0,1): G = [[1,1,0],[1,1,0],[0,0,1]], G^+ = [[1/4,1/4,0],[1/4,1/4,0],[0,0,1]],
        // G^+ (1,1,1) = (1/2,1/2,1), alpha = (1/4,1/4,1/2): the update (1/2,1/2) projects to 1/2 on both
        // unit gradients. The mean (2/3,1/3) would favour the duplicated direction.
        Weighting w = new ImtlWeightingProvider().create(new ImtlWeightingProvider.Options(false), Golden.tasks(3));
        assertArrayEquals(new double[] {0.5, 0.5}, run(w, new float[] {1, 0}, new float[] {1, 0}, new float[] {0, 1}), TOL);
        assertArrayEquals(new double[] {0.25, 0.25, 0.5}, w.taskWeights(), TOL);
    }

    @Test
    void alignedMtlOnOrthogonalGradients() {
        // M = diag(4, 1): B = sqrt(1) diag(1/2, 1), alpha = (1/2, 1), update (1, 1).
        Weighting w = new AlignedMtlWeightingProvider().create(NoOptions.INSTANCE, Golden.tasks(2));
        assertArrayEquals(new double[] {1, 1}, run(w, new float[] {2, 0}, new float[] {0, 1}), TOL);
        assertArrayEquals(new double[] {0.5, 1}, w.taskWeights(), TOL);
    }

    @Test
    void alignedMtlOnCorrelatedGradients() {
        // M = [[1,1],[1,2]] (tr 3, det 1): sqrt(M) = (M + I) / sqrt5, so M^-1/2 = [[3,-1],[-1,2]] / sqrt5;
        // lambda_min = (3 - sqrt5) / 2; alpha = sqrt(lambda_min) (2, 1) / sqrt5.
        Weighting w = new AlignedMtlWeightingProvider().create(NoOptions.INSTANCE, Golden.tasks(2));
        double s = Math.sqrt((3 - Math.sqrt(5)) / 2) / Math.sqrt(5);
        double[] g = run(w, new float[] {1, 0}, new float[] {1, 1});
        assertArrayEquals(new double[] {2 * s, s}, w.taskWeights(), TOL);
        assertArrayEquals(new double[] {3 * s, s}, g, TOL);
    }

    @Test
    void gradvacFirstStepMakesConflictsOrthogonal() {
        // Targets start at 0. g1 = (1,0), g2 = (-1,1), rho = -1/sqrt2:
        // pc1 += g2 * |g1| (0 - rho) / |g2| = g2 / 2 -> (0.5, 0.5); pc2 += g1 * |g2| (0 - rho) / |g1| = g1 -> (0, 1).
        Weighting w = new GradVacWeightingProvider().create(new GradVacWeightingProvider.Options(0.5), Golden.tasks(2));
        assertArrayEquals(new double[] {0.5, 1.5}, run(w, new float[] {1, 0}, new float[] {-1, 1}), 1e-5);
        assertArrayEquals(new double[] {2, 1.5}, w.taskWeights(), 1e-5);
    }

    @Test
    void gradvacSecondStepAimsAtTheMovingAverage() {
        // After step 1 both targets are 0.5 * 0 + 0.5 * (-1/sqrt2) = -1/(2 sqrt2), sqrt(1 - target^2) = sqrt(7/8).
        // Step 2, same gradients, rho = -1/sqrt2 < target: pc1 gets w1 g2 with
        // w1 = |g1| (target / sqrt2 + sqrt(7/8) / sqrt2) / (|g2| sqrt(7/8)) = (sqrt7 - 1) / (2 sqrt7),
        // pc2 gets w2 g1 with w2 = |g2| (...) / (|g1| sqrt(7/8)) = (sqrt7 - 1) / sqrt7.
        Weighting w = new GradVacWeightingProvider().create(new GradVacWeightingProvider.Options(0.5), Golden.tasks(2));
        run(w, new float[] {1, 0}, new float[] {-1, 1});
        double[] d = Golden.step(w, manager, new float[][] {{1, 0}, {-1, 1}}, 0, new Random(1));
        double r = Math.sqrt(7);
        double w1 = (r - 1) / (2 * r);
        double w2 = (r - 1) / r;
        assertArrayEquals(new double[] {1 + w2, 1 + w1}, w.taskWeights(), 1e-6);
        assertArrayEquals(new double[] {1 + w2 - (1 + w1), 1 + w1}, d, 1e-6);
    }

    @Test
    void gradnormIsThePlainSumInEpochZeroThenTrainsItsLogits() {
        Weighting w = new GradNormWeightingProvider().create(new GradNormWeightingProvider.Options(1.5), Golden.tasks(2));
        Golden.initialise(w, manager);
        float[][] g = {{2, 0}, {0, 1}};
        assertArrayEquals(new double[] {2, 1}, Golden.step(w, manager, g, 0, new Random(1)), TOL);
        w.onEpochEnd(0, new double[] {5, 20});
        // Epoch 1: weights 2 softmax(1, 1) = (1, 1), update g1 + g2. G = (2, 1), mean 1.5; loss ratios
        // (10/5, 10/20) = (2, 0.5), relative (1.6, 0.4); targets 1.5 * (1.6^1.5, 0.4^1.5) = (3.04, 0.38).
        // d/ds_j sum_k |2 softmax_k(s) |g_k| - c_k| at s = (1,1) with softmax' = (delta_kj - 1/2) / 2 * 2:
        // signs (-1, +1) give (-2 * 1/2 - 1 * 1/2, 2 * 1/2 + 1 * 1/2) = (-1.5, 1.5).
        assertArrayEquals(new double[] {2, 1}, Golden.step(w, manager, g, 1, new Random(1)), TOL);
        assertArrayEquals(new double[] {1, 1}, w.taskWeights(), TOL);
        ai.djl.nn.Parameter logits = w.parameters().orElseThrow().getParameters().valueAt(0);
        assertArrayEquals(new float[] {-1.5f, 1.5f}, logits.getArray().getGradient().toFloatArray(), 1e-5f);
        assertEquals(2.0, w.weightSum().orElseThrow());
    }
}
