package org.mtan4j.plugins.resnetmtan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.contract.FreedMemory;
import org.mtan4j.plugins.resnetmtan.nn.Bilinear;

/** The align-corners resize against values worked out by hand, and its gradient's robustness. */
class BilinearTest extends EngineTest {

    @Test
    void twoByTwoToThreeByFiveByHand() {
        // Corners 0, 1 (top) and 2, 3 (bottom). align_corners=True: rows read 0, 0.5, 1 of the input's
        // rows; columns read 0, 0.25, 0.5, 0.75, 1 of its columns: value = 2 * r + c.
        NDArray x = manager.create(new float[] {0, 1, 2, 3}, new Shape(1, 1, 2, 2));
        float[] expected = {
            0f, 0.25f, 0.5f, 0.75f, 1f,
            1f, 1.25f, 1.5f, 1.75f, 2f,
            2f, 2.25f, 2.5f, 2.75f, 3f};
        assertArrayEquals(expected, Bilinear.resizeAlignCorners(x, 3, 5).toFloatArray(), 1e-6f);
    }

    @Test
    void weightsOfOneAxis() {
        // 3 -> 4: sources 0, 2/3, 4/3, 2.
        float[] w = Bilinear.weights(3, 4);
        float t = 2f / 3f;
        assertArrayEquals(new float[] {1, 0, 0, 1 - t, t, 0, 0, 1 - (2 * t - 1), 2 * t - 1, 0, 0, 1}, w, 1e-6f);
    }

    @Test
    void theMatricesOutliveACollectionBeforeTheBackwardPass() {
        NDArray x = manager.randomUniform(0f, 1f, new Shape(1, 2, 3, 4));
        assertArrayEquals(inputGradient(x, false), inputGradient(x, true), 1e-6f,
                "the input's gradient with a garbage collection between forward and backward, as without one");
    }

    private float[] inputGradient(NDArray x, boolean collectBeforeBackward) {
        NDArray input = x.duplicate();
        input.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray out = Bilinear.resizeAlignCorners(input, 5, 7);
            NDArray total = out.mul(manager.arange(70f).reshape(1, 2, 5, 7)).sum();
            FreedMemory.run(collectBeforeBackward, () -> collector.backward(total));
        }
        return input.getGradient().toFloatArray();
    }
}
