package org.mtan4j.plugins.weightings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.testkit.ContractSupport;

/** DWA, uncertainty and RLW against values worked out by hand. */
class LossMethodsGoldenTest extends ContractSupport {

    private static final List<TaskSpec> THREE = Golden.tasks(3);
    /** A context at {@code epoch} that back-propagates through {@code collector}. */
    private static WeightingContext at(int epoch, GradientCollector collector, Random random) {
        return new WeightingContext() {
            @Override
            public List<TaskSpec> tasks() {
                return THREE;
            }

            @Override
            public int epoch() {
                return epoch;
            }

            @Override
            public long step() {
                return 0;
            }

            @Override
            public Random random() {
                return random;
            }

            @Override
            public void backward(NDArray loss) {
                collector.backward(loss);
            }
        };
    }

    @Test
    void dwaOverFourEpochs() {
        Weighting dwa = new DwaWeightingProvider().create(new DwaWeightingProvider.Options(2), THREE);
        double[][] means = {{1, 2, 4}, {0.5, 2, 2}, {0.5, 1, 3}, {0.25, 1, 3}};
        NDList losses = new NDList(manager.create(1f), manager.create(1f), manager.create(1f));
        // Epochs 0 and 1: all ones.
        for (int epoch = 0; epoch < 2; epoch++) {
            dwa.combine(losses, at(epoch, null, null));
            assertArrayEquals(new double[] {1, 1, 1}, dwa.taskWeights(), 1e-12);
            dwa.onEpochEnd(epoch, means[epoch]);
        }
        // Epoch 2: ratios (0.5, 1, 0.5) / T = (0.25, 0.5, 0.25).
        double a = Math.exp(0.25);
        double b = Math.exp(0.5);
        double sum = 2 * a + b;
        assertEquals(3 * (a + a + b) / sum, dwa.combine(losses, at(2, null, null)).getFloat(), 1e-5);
        assertArrayEquals(new double[] {3 * a / sum, 3 * b / sum, 3 * a / sum}, dwa.taskWeights(), 1e-12);
        dwa.onEpochEnd(2, means[2]);
        // Epoch 3: ratios (1, 0.5, 1.5) / T = (0.5, 0.25, 0.75).
        double c = Math.exp(0.75);
        sum = b + a + c;
        dwa.combine(losses, at(3, null, null));
        assertArrayEquals(new double[] {3 * b / sum, 3 * a / sum, 3 * c / sum}, dwa.taskWeights(), 1e-12);
        dwa.onEpochEnd(3, means[3]);
        assertEquals(3.0, dwa.weightSum().orElseThrow());
    }

    @Test
    void dwaRejectsABadTemperature() {
        assertThrows(IllegalArgumentException.class, () -> new DwaWeightingProvider.Options(0));
    }

    @Test
    void uncertaintyLossAndGradients() {
        Weighting uw = new UncertaintyWeightingProvider().create(NoOptions.INSTANCE, Golden.tasks(2));
        Golden.initialise(uw, manager);
        // s = -0.5: weights 1 / (2 exp(-0.5)) = exp(0.5) / 2.
        double half = Math.exp(0.5) / 2;
        assertArrayEquals(new double[] {half, half}, uw.taskWeights(), 1e-7);
        NDArray l0 = manager.create(2f);
        NDArray l1 = manager.create(3f);
        l0.setRequiresGradient(true);
        l1.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = uw.combine(new NDList(l0, l1), at(0, collector, null));
            // (2 + 3) exp(0.5) / 2 + 2 * (-0.5) / 2
            assertEquals(5 * half - 0.5, loss.getFloat(), 1e-5);
            collector.backward(loss);
        }
        // dL/dL_k = exp(-s) / 2; dL/ds_k = -L_k exp(-s) / 2 + 1/2.
        assertEquals(half, l0.getGradient().getFloat(), 1e-5);
        assertEquals(half, l1.getGradient().getFloat(), 1e-5);
        ai.djl.nn.Parameter s = uw.parameters().orElseThrow().getParameters().valueAt(0);
        assertArrayEquals(new float[] {(float) (-2 * half + 0.5), (float) (-3 * half + 0.5)},
                s.getArray().getGradient().toFloatArray(), 1e-5f);
        assertArrayEquals(new double[] {half, half}, uw.taskWeights(), 1e-7);
    }

    @Test
    void rlwDrawsSoftmaxOfNormals() {
        Weighting rlw = new RlwWeightingProvider().create(NoOptions.INSTANCE, THREE);
        NDList losses = new NDList(manager.create(1f), manager.create(2f), manager.create(4f));
        NDArray combined = rlw.combine(losses, at(0, null, new Random(7)));
        Random same = new Random(7);
        double[] e = {Math.exp(same.nextGaussian()), Math.exp(same.nextGaussian()), Math.exp(same.nextGaussian())};
        double sum = e[0] + e[1] + e[2];
        assertArrayEquals(new double[] {e[0] / sum, e[1] / sum, e[2] / sum}, rlw.taskWeights(), 1e-12);
        assertEquals((e[0] + 2 * e[1] + 4 * e[2]) / sum, combined.getFloat(), 1e-5);
    }
}
