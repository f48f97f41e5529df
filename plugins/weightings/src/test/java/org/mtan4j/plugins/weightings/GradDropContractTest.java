package org.mtan4j.plugins.weightings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.GradientContext;
import org.mtan4j.testkit.WeightingContract;
import org.mtan4j.testkit.WeightingStep;

/** GradDrop passes the Weighting contract and keeps or drops signs as worked out by hand. */
class GradDropContractTest extends WeightingContract<GradDropWeightingProvider.Options> {

    @Override
    protected WeightingProvider<GradDropWeightingProvider.Options> provider() {
        return new GradDropWeightingProvider();
    }

    @Override
    protected GradDropWeightingProvider.Options options() {
        return provider().defaultOptions();
    }

    /**
     * Z = p + (1, -1, 2) (one sample) and L_k = a_k . Z_k, so dL_k/dZ = a_k and dZ/dp = I. With
     * a_1 = (1, 1, 1), a_2 = (2, 3, -1): signed gradients (1, -1, 1) and (2, -3, -1). Element 0: both
     * positive, P = 1, both kept: 3. Element 1: both negative, P = 0, both kept: 4. Element 2: (1, -1),
     * P = 1/2, exactly one is kept: 1 + leak * (-1) or -1 + leak * 1.
     */
    private double[] run(double leak) {
        Weighting w = provider().create(new GradDropWeightingProvider.Options(leak), Golden.tasks(2));
        NDArray p = manager.zeros(new Shape(3));
        p.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray z = p.add(manager.create(new float[] {1, -1, 2})).reshape(1, 3);
            NDList leaves = new NDList(GradientContext.cut(z), GradientContext.cut(z));
            NDList losses = new NDList(leaves.get(0).mul(manager.create(new float[] {1, 1, 1})).sum(),
                    leaves.get(1).mul(manager.create(new float[] {2, 3, -1})).sum());
            w.backward(losses, new GradientContext(Golden.tasks(2), 0, 0, new Random(1), collector, List.of(p), manager)
                    .withRepresentations(new NDList(z, z), leaves));
        }
        float[] g = p.getGradient().toFloatArray();
        return new double[] {g[0], g[1], g[2]};
    }

    @Test
    void keepsAgreeingSignsAndOneOfTwoConflictingOnes() {
        for (int trial = 0; trial < 4; trial++) {
            double[] g = run(0);
            assertArrayEquals(new double[] {3, 4}, new double[] {g[0], g[1]}, 1e-6);
            assertTrue(Math.abs(Math.abs(g[2]) - 1) < 1e-6, "one of +1 and -1, got " + g[2]);
        }
        double[] leaky = run(0.5);
        assertEquals(3, leaky[0], 1e-6);
        assertEquals(0.5, Math.abs(leaky[2]), 1e-6);
    }

    /** Per feature of the representation, each task's gradient kept or dropped. */
    @Override
    protected void expectSharedGradient(WeightingStep step) {
        ClosedForms.assertGradDrop(step, options().leak());
    }
}
