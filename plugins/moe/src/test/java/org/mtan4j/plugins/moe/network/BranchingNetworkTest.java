package org.mtan4j.plugins.moe.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtan4j.blocks.EngineTest;
import org.mtan4j.plugins.moe.encoder.EncoderPass;
import org.mtan4j.plugins.moe.encoder.ResNetEncoder;
import org.mtan4j.plugins.moe.encoder.StagedEncoder;

/**
 * LTB: the temperature schedule and warm-up as LibMTL's, hard Gumbel-softmax choices that are one-hot,
 * reproducible from the engine's seed and differentiable straight through, the argmax tree outside
 * training, and columns that are independent without branching stages.
 */
class BranchingNetworkTest extends EngineTest {

    private static final Shape BATCH = new Shape(2, 3, 32, 32);

    private BranchingNetwork initialised(List<Integer> branching) {
        BranchingNetwork network = new BranchingNetwork(() -> new ResNetEncoder(3, 4, List.of(1, 1, 1, 1)), 3, branching, 0.01, 0.05);
        network.initialize(manager, DataType.FLOAT32, BATCH);
        return network;
    }

    @Test
    void warmsUpForTheFirstHundredthThenCoolsAsLibMtl() {
        BranchingNetwork ltb = initialised(List.of(1, 2, 3, 4));
        assertFalse(ltb.warmingUp(), "no warm-up without epoch information");
        assertEquals(1.0, ltb.temperature());
        ltb.onEpochStart(0, 200);
        assertTrue(ltb.warmingUp());
        assertEquals(10.0, ltb.temperature(), 1e-12, "200 / 20 / sqrt(1)");
        ltb.onEpochStart(1, 200);
        assertTrue(ltb.warmingUp(), "epoch 1 < 200 / 100");
        ltb.onEpochStart(2, 200);
        assertFalse(ltb.warmingUp());
        assertEquals(10 / Math.sqrt(3), ltb.temperature(), 1e-12);
        ltb.onEpochStart(0, 3);
        assertTrue(ltb.warmingUp(), "0 < 3 / 100: LibMTL warms up in the first epoch of any run");
        ltb.onEpochStart(1, 3);
        assertFalse(ltb.warmingUp());
        assertEquals(0.15 / Math.sqrt(2), ltb.temperature(), 1e-12);
    }

    @Test
    void warmUpSumsEveryParentAndTrainingSamplesOneParentPerColumn() {
        BranchingNetwork ltb = initialised(List.of(2));
        NDArray logits = ltb.logits(2).getArray();
        ltb.onEpochStart(0, 10);
        assertArrayEquals(new float[9], ltb.mixingMatrix(logits, manager, true).sub(1f).toFloatArray(), "all ones");
        ltb.onEpochStart(5, 10);
        Engine.getInstance().setRandomSeed(3);
        float[] first = ltb.mixingMatrix(logits, manager, true).toFloatArray();
        Engine.getInstance().setRandomSeed(3);
        assertArrayEquals(first, ltb.mixingMatrix(logits, manager, true).toFloatArray(), "the engine's seed fixes the draw");
        for (int t = 0; t < 3; t++) {
            int ones = 0;
            for (int j = 0; j < 3; j++) {
                float v = first[3 * t + j];
                assertTrue(Math.abs(v) < 1e-6 || Math.abs(v - 1) < 1e-6, "one-hot: " + v);
                ones += Math.abs(v - 1) < 1e-6 ? 1 : 0;
            }
            assertEquals(1, ones, "row " + t + " picks one parent");
        }
        boolean differs = false;
        for (int seed = 4; seed < 24 && !differs; seed++) {
            Engine.getInstance().setRandomSeed(seed);
            differs = !java.util.Arrays.equals(first, ltb.mixingMatrix(logits, manager, true).toFloatArray());
        }
        assertTrue(differs, "another seed, another draw (at temperature 0.05 * 10 / sqrt(6) with equal logits)");
    }

    @Test
    void theSampleIsDifferentiableStraightThroughToTheLogits() {
        BranchingNetwork ltb = initialised(List.of(1, 2));
        ltb.onEpochStart(3, 10);
        NDArray image = manager.randomUniform(0f, 1f, BATCH);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList out = ltb.forward(new ParameterStore(manager, false), new NDList(image), true);
            collector.backward(out.get(0).sum().add(out.get(2).sum()));
        }
        for (int b : List.of(1, 2)) {
            NDArray gradient = ltb.logits(b).getArray().getGradient();
            assertTrue(gradient.abs().sum().getFloat() > 0, "branching stage " + b + " learns");
        }
    }

    @Test
    void outsideTrainingEachColumnContinuesItsMostLikelyParent() {
        BranchingNetwork ltb = initialised(List.of(2));
        ltb.onEpochStart(5, 10);
        // Column 0 continues column 2, column 1 itself, column 2 column 0.
        ltb.logits(2).getArray().set(new float[] {0, 0, 3, 0, 1, 0, 2, 1, 1});
        NDArray image = manager.randomUniform(0f, 1f, BATCH);
        ParameterStore ps = new ParameterStore(manager, false);
        NDList out = ltb.forward(ps, new NDList(image), false);
        int[] parent = {2, 1, 0};
        for (int t = 0; t < 3; t++) {
            NDArray trunk = stages(ltb.column(parent[t]), 0, 2, image, ps);
            NDArray expected = stages(ltb.column(t), 2, 5, trunk, ps);
            assertArrayEquals(expected.toFloatArray(), out.get(t).toFloatArray(), "column " + t);
        }
    }

    @Test
    void withoutBranchingStagesEveryColumnIsItsTasksOwnNetwork() {
        BranchingNetwork ltb = initialised(List.of());
        assertTrue(new ExpertsBackbone(ltb).sharedParameters().isEmpty());
        NDArray image = manager.randomUniform(0f, 1f, BATCH);
        ParameterStore ps = new ParameterStore(manager, false);
        NDList out = ltb.forward(ps, new NDList(image), true);
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(ltb.column(t).forward(ps, new NDList(image), true).singletonOrThrow().toFloatArray(),
                    out.get(t).toFloatArray());
        }
    }

    private static NDArray stages(StagedEncoder encoder, int from, int to, NDArray x, ParameterStore ps) {
        try (EncoderPass pass = encoder.newPass()) {
            return encoder.forwardStages(pass, from, to, ps, x, false, null);
        }
    }
}
