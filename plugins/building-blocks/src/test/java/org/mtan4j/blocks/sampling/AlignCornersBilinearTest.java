package org.mtan4j.blocks.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.mtan4j.testkit.EngineTest;
import org.mtan4j.testkit.FreedMemory;

/**
 * {@link AlignCornersBilinear} against values computed independently: a 2x2 -> 4x4 case worked out by
 * hand, and larger up- and down-sizing cases against PyTorch's documented rule
 * {@code src = dst * (in - 1) / (out - 1)} evaluated here in double precision.
 */
class AlignCornersBilinearTest extends EngineTest {

    private static final float TOLERANCE = 1e-6f;

    /**
     * Input [[1, 5], [3, 9]]: with align_corners the output at (y, x) in {0, 1/3, 2/3, 1}^2 is the
     * bilinear form 1 + 4x + 2y + 2xy, written out as fractions.
     */
    @Test
    void twoByTwoToFourByFourByHand() {
        NDArray x = manager.create(new float[] {1, 5, 3, 9}, new Shape(1, 1, 2, 2));
        float[] expected = {
            1f, 7f / 3, 11f / 3, 5f,
            5f / 3, 29f / 9, 43f / 9, 19f / 3,
            7f / 3, 37f / 9, 53f / 9, 23f / 3,
            3f, 5f, 7f, 9f,
        };
        NDArray out = AlignCornersBilinear.upsample2x(x);
        assertEquals(new Shape(1, 1, 4, 4), out.getShape());
        assertArrayEquals(expected, out.toFloatArray(), TOLERANCE);
    }

    @Test
    void twoByTwoToThreeByFiveByHand() {
        // Corners 0, 1 (top) and 2, 3 (bottom). align_corners=True: rows read 0, 0.5, 1 of the input's
        // rows; columns read 0, 0.25, 0.5, 0.75, 1 of its columns: value = 2 * r + c.
        NDArray x = manager.create(new float[] {0, 1, 2, 3}, new Shape(1, 1, 2, 2));
        float[] expected = {
            0f, 0.25f, 0.5f, 0.75f, 1f,
            1f, 1.25f, 1.5f, 1.75f, 2f,
            2f, 2.25f, 2.5f, 2.75f, 3f};
        assertArrayEquals(expected, AlignCornersBilinear.resize(x, 3, 5).toFloatArray(), TOLERANCE);
    }

    @Test
    void largerCasesFollowTheFormula() {
        NDArray x = manager.randomUniform(0f, 1f, new Shape(2, 3, 5, 7));
        check(x, 9, 16);   // up, scales 0.5 and 0.4
        check(x, 10, 14);  // MTAN's x2
        check(x, 3, 4);    // down
        check(x, 5, 7);    // same size: identity
        check(x, 1, 1);    // one output pixel reads the first input pixel
        check(manager.randomUniform(0f, 1f, new Shape(1, 2, 1, 3)), 2, 6); // a one-pixel axis
    }

    private void check(NDArray x, int height, int width) {
        NDArray out = AlignCornersBilinear.resize(x, height, width);
        Shape s = x.getShape();
        assertEquals(new Shape(s.get(0), s.get(1), height, width), out.getShape());
        assertArrayEquals(formula(x, height, width), out.toFloatArray(), TOLERANCE, height + "x" + width);
    }

    /** PyTorch's align-corners bilinear rule, directly, in double. */
    private static float[] formula(NDArray x, int outH, int outW) {
        Shape s = x.getShape();
        int n = (int) s.get(0);
        int c = (int) s.get(1);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        float[] in = x.toFloatArray();
        float[] out = new float[n * c * outH * outW];
        for (int plane = 0; plane < n * c; plane++) {
            for (int i = 0; i < outH; i++) {
                double sy = outH > 1 ? i * (double) (h - 1) / (outH - 1) : 0;
                int y0 = (int) Math.floor(sy);
                int y1 = Math.min(y0 + 1, h - 1);
                double ly = sy - y0;
                for (int j = 0; j < outW; j++) {
                    double sx = outW > 1 ? j * (double) (w - 1) / (outW - 1) : 0;
                    int x0 = (int) Math.floor(sx);
                    int x1 = Math.min(x0 + 1, w - 1);
                    double lx = sx - x0;
                    int base = plane * h * w;
                    double v = (1 - ly) * (1 - lx) * in[base + y0 * w + x0] + (1 - ly) * lx * in[base + y0 * w + x1]
                            + ly * (1 - lx) * in[base + y1 * w + x0] + ly * lx * in[base + y1 * w + x1];
                    out[(plane * outH + i) * outW + j] = (float) v;
                }
            }
        }
        return out;
    }

    /** Each output's weights sum to 1, so the gradient of the output's sum sums to the output size. */
    @Test
    void gradientsFlowToTheInput() {
        NDArray x = manager.randomUniform(0f, 1f, new Shape(1, 2, 3, 4));
        x.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(AlignCornersBilinear.resize(x, 6, 8).sum());
        }
        NDArray gradient = x.getGradient();
        assertEquals(2f * 6 * 8, gradient.sum().getFloat(), 1e-4f);
        // Corners map onto corners exactly: the top-left input gets weight 1 from the top-left output
        // plus fractions from its neighbours, never less than 1.
        assertEquals(true, gradient.get("0, 0, 0, 0").getFloat() >= 1f);
    }

    @Test
    void theMatricesOutliveACollectionBeforeTheBackwardPass() {
        NDArray x = manager.randomUniform(0f, 1f, new Shape(1, 2, 3, 4));
        assertArrayEquals(inputGradient(x, false), inputGradient(x, true), TOLERANCE,
                "the input's gradient with a garbage collection between forward and backward, as without one");
    }

    private float[] inputGradient(NDArray x, boolean collectBeforeBackward) {
        NDArray input = x.duplicate();
        input.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray out = AlignCornersBilinear.resize(input, 5, 7);
            NDArray total = out.mul(manager.arange(70f).reshape(1, 2, 5, 7)).sum();
            FreedMemory.run(collectBeforeBackward, () -> collector.backward(total));
        }
        return input.getGradient().toFloatArray();
    }

    /** The cached matrices belong to no caller: closing the manager of one call does not break the next. */
    @Test
    void cachedMatricesOutliveTheCallersManager() {
        try (NDManager first = manager.newSubManager()) {
            AlignCornersBilinear.resize(first.ones(new Shape(1, 1, 3, 3)), 5, 5);
        }
        NDArray out = AlignCornersBilinear.resize(manager.ones(new Shape(1, 1, 3, 3)), 5, 5);
        assertArrayEquals(new float[25], out.sub(1f).toFloatArray(), TOLERANCE);
        assertEquals(manager, out.getManager());
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> AlignCornersBilinear.upsample2x(manager.ones(new Shape(3, 3))));
        assertThrows(IllegalArgumentException.class,
                () -> AlignCornersBilinear.resize(manager.ones(new Shape(1, 1, 3, 3)), 0, 2));
    }
}
