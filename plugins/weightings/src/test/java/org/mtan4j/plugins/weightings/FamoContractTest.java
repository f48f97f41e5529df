package org.mtan4j.plugins.weightings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** FAMO passes the Weighting contract and a two-step golden case. */
class FamoContractTest extends WeightingContract<FamoWeightingProvider.Options> {

    @Override
    protected WeightingProvider<FamoWeightingProvider.Options> provider() {
        return new FamoWeightingProvider();
    }

    @Override
    protected FamoWeightingProvider.Options options() {
        return provider().defaultOptions();
    }

    @Test
    void weightsFollowTheLossDecrease() {
        Weighting famo = provider().create(options(), Golden.tasks(2));
        // w = 0, z = (1/2, 1/2), losses (1, 4): c = 1/2 + 1/8 = 5/8, weights z / (c L) = (0.8, 0.2).
        NDArray l0 = manager.create(1f);
        NDArray l1 = manager.create(4f);
        l0.setRequiresGradient(true);
        l1.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = famo.combine(new NDList(l0, l1), null);
            assertEquals((0.5 * Math.log(1) + 0.5 * Math.log(4)) / 0.625, loss.getFloat(), 1e-5);
            collector.backward(loss);
        }
        assertArrayEquals(new double[] {0.8, 0.2}, famo.taskWeights(), 1e-6);
        assertEquals(0.8f, l0.getGradient().getFloat(), 1e-5f);
        assertEquals(0.2f, l1.getGradient().getFloat(), 1e-5f);
        // After the update the losses are (0.5, 4): delta = (ln 2, 0), z . delta = ln2 / 2, so the
        // logits' gradient is z (delta - ln2 / 2) = (ln2 / 4, -ln2 / 4). Adam's first step moves each by
        // lr |g| / (|g| + 1e-8) against its sign: w = (-s, s), s = 0.025 g / (g + 1e-8), g = ln2 / 4.
        famo.afterUpdate(new double[] {0.5, 4});
        double g = Math.log(2) / 4;
        double s = 0.025 * g / (g + 1e-8);
        double z0 = 1 / (1 + Math.exp(2 * s));
        double z1 = 1 - z0;
        double c = z0 / 1 + z1 / 4;
        famo.combine(new NDList(manager.create(1f), manager.create(4f)), null);
        assertArrayEquals(new double[] {z0 / c, z1 / (4 * c)}, famo.taskWeights(), 1e-6);
    }
}
