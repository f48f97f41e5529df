package org.mtan4j.plugins.moe.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.mtan4j.blocks.EngineTest;

/** The softmax gate and DSelect-k's gate: weights that sum to 1, the smooth step, the selection of k experts. */
class GatesTest extends EngineTest {

    private static final Shape INPUT = new Shape(5, 2, 4, 6);

    @Test
    void softmaxGateWeightsArePositiveAndSumToOnePerSample() {
        SoftmaxGate gate = new SoftmaxGate(3);
        gate.initialize(manager, DataType.FLOAT32, INPUT);
        // PyTorch's default Linear init over the flattened 48 inputs.
        float bound = (float) (1 / Math.sqrt(48));
        assertTrue(gate.getParameters().get("weight").getArray().abs().max().getFloat() <= bound);
        assertEquals(new Shape(3, 48), gate.getParameters().get("weight").getArray().getShape());
        NDArray weights = forward(gate, manager.randomNormal(INPUT));
        assertEquals(new Shape(5, 3), weights.getShape());
        assertTrue(weights.gt(0f).all().getBoolean());
        assertArrayEquals(new float[] {1, 1, 1, 1, 1}, weights.sum(new int[] {1}).toFloatArray(), 1e-6f);
    }

    @Test
    void aGateTakesOnlyTheInputSizeItWasBuiltFor() {
        SoftmaxGate gate = new SoftmaxGate(2);
        gate.initialize(manager, DataType.FLOAT32, INPUT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> forward(gate, manager.zeros(new Shape(5, 2, 8, 6))));
        assertEquals("a gate built for inputs (2, 4, 6) per sample got (2, 8, 6): the gates read the whole flattened input,"
                + " so images must keep the size the network was built for", e.getMessage());
    }

    @Test
    void smoothStepIsZeroThenACubicThenOne() {
        for (double gamma : new double[] {1, 2}) {
            DSelectKGate gate = new DSelectKGate(2, 1, gamma);
            float g = (float) gamma;
            NDArray t = manager.create(new float[] {-g, -g / 2, -g / 4, 0, g / 4, g / 2, g});
            // -2/g^3 t^3 + 3/(2g) t + 1/2 at t = +-g/4: -+1/32 +- 3/8 + 1/2.
            assertArrayEquals(new float[] {0, 0, 0.15625f, 0.5f, 0.84375f, 1, 1}, gate.smoothStep(t).toFloatArray(), 1e-6f,
                    "gamma " + gamma);
        }
    }

    @Test
    void dselectKWeightsSumToOneAndSelectorsAreProductsOfBinaryChoices() {
        DSelectKGate gate = new DSelectKGate(4, 2, 1.0);
        gate.initialize(manager, DataType.FLOAT32, INPUT);
        // LibMTL's init: z in +-gamma/100, w in +-0.05.
        assertTrue(gate.getParameters().get("z_weight").getArray().abs().max().getFloat() <= 0.01f);
        assertTrue(gate.getParameters().get("w_bias").getArray().abs().max().getFloat() <= 0.05f);
        assertEquals(new Shape(4, 48), gate.getParameters().get("z_weight").getArray().getShape(), "k selectors x log2(4) digits");
        NDArray x = manager.randomNormal(INPUT);
        NDArray selectors = gate.selectorWeights(new ParameterStore(manager, false), x.reshape(5, -1), false);
        assertEquals(new Shape(5, 2, 4), selectors.getShape());
        assertArrayEquals(new float[10], selectors.sum(new int[] {2}).sub(1f).toFloatArray(), 1e-6f);
        NDArray weights = forward(gate, x);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1}, weights.sum(new int[] {1}).toFloatArray(), 1e-6f);
    }

    @Test
    void saturatedSelectorsPickAtMostKExpertsByTheirBinaryCodes() {
        DSelectKGate gate = new DSelectKGate(8, 2, 1.0);
        gate.initialize(manager, DataType.FLOAT32, INPUT);
        gate.getParameters().get("z_weight").getArray().set(new float[2 * 3 * 48]);
        // Selector 0's digits 1, 0, 1 (expert 5, most significant first), selector 1's 0, 1, 1 (expert 3): beyond +-gamma/2.
        gate.getParameters().get("z_bias").getArray().set(new float[] {2, -2, 2, -2, 2, 2});
        gate.getParameters().get("w_weight").getArray().set(new float[2 * 48]);
        gate.getParameters().get("w_bias").getArray().set(new float[] {0.3f, -0.2f});
        float[] weights = forward(gate, manager.randomNormal(INPUT)).toFloatArray();
        double a = Math.exp(0.3) / (Math.exp(0.3) + Math.exp(-0.2));
        for (int n = 0; n < 5; n++) {
            for (int e = 0; e < 8; e++) {
                double expected = e == 5 ? a : e == 3 ? 1 - a : 0;
                assertEquals(expected, weights[n * 8 + e], 1e-6, "sample " + n + ", expert " + e);
            }
        }
    }

    @Test
    void dselectKTakesPowersOfTwoOfExpertsAndUpToThatManySelectors() {
        assertEquals("DSelect-k needs a power of two of experts, at least 2, got 3",
                assertThrows(IllegalArgumentException.class, () -> new DSelectKGate(3, 1, 1)).getMessage());
        assertEquals("DSelect-k needs 1 to 4 selectors, got 5",
                assertThrows(IllegalArgumentException.class, () -> new DSelectKGate(4, 5, 1)).getMessage());
    }

    private NDArray forward(Gate gate, NDArray x) {
        return gate.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
    }
}
