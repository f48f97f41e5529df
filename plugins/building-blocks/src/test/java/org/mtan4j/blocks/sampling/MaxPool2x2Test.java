package org.mtan4j.blocks.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.mtan4j.testkit.EngineTest;

/**
 * {@link MaxPool2x2} against values worked out by hand with PyTorch's rules (the first maximum in
 * row-major order wins; NaN wins, the last NaN of a window; the gradient reaches the winner only), and
 * against the engine's own {@code max_pool2d} on inputs full of ties.
 */
class MaxPool2x2Test extends EngineTest {

    private static final float NINF = Float.NEGATIVE_INFINITY;
    private static final float NAN = Float.NaN;

    /**
     * Two 4x4 planes, one window per case. Channel 0: all four tied; top row tied with a bottom
     * element; last three tied; first two tied. Channel 1: bottom row tied; last three tied; unique
     * bottom-right; all -inf.
     */
    private NDArray tiedInput() {
        return manager.create(new float[] {
            1, 1, 2, 0,
            1, 1, 2, 2,
            0, 3, 5, 5,
            3, 3, 0, 5,

            0, 0, 0, 7,
            4, 4, 7, 7,
            -1, -2, NINF, NINF,
            -3, 9, NINF, NINF,
        }, new Shape(1, 2, 4, 4));
    }

    @Test
    void tiesGoToTheFirstMaximumInRowMajorOrder() {
        Pooled pooled = MaxPool2x2.pool(tiedInput());
        assertEquals(new Shape(1, 2, 2, 2), pooled.values().getShape());
        assertArrayEquals(new float[] {1, 2, 3, 5, 4, 7, 9, NINF}, floats(pooled.values()));
        // Hand-worked winners, by position in the window (0 1 / 2 3): 0 0 1 0 and 2 1 3 0; as
        // PyTorch's flat indices row * 4 + column:
        assertArrayEquals(new long[] {0, 2, 9, 10, 4, 3, 13, 10}, longs(pooled.indices().flat()));
    }

    @Test
    void gradientReachesOnlyTheWinner() {
        NDArray x = tiedInput();
        x.setRequiresGradient(true);
        NDArray weights = manager.arange(1f, 9f).reshape(1, 2, 2, 2);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(MaxPool2x2.pool(x).values().mul(weights).sum());
        }
        assertArrayEquals(new float[] {
            1, 0, 2, 0,
            0, 0, 0, 0,
            0, 3, 4, 0,
            0, 0, 0, 0,

            0, 0, 0, 6,
            5, 0, 0, 0,
            0, 0, 8, 0,
            0, 7, 0, 0,
        }, floats(x.getGradient()));
    }

    @Test
    void nanWinsAndTheLastNaNOfAWindowTakesTheGradient() {
        // Windows: [NaN, 1 / NaN, 2] -> position 2; [5, NaN / 9, 1] -> 1; [NaN, NaN / NaN, NaN] -> 3;
        // [inf, 1 / inf, -inf] -> 0 (the first of two +inf).
        float inf = Float.POSITIVE_INFINITY;
        NDArray x = manager.create(new float[] {
            NAN, 1, 5, NAN,
            NAN, 2, 9, 1,
            NAN, NAN, inf, 1,
            NAN, NAN, inf, NINF,
        }, new Shape(1, 1, 4, 4));
        x.setRequiresGradient(true);
        Pooled pooled;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            pooled = MaxPool2x2.pool(x);
            collector.backward(pooled.values().mul(manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2))).sum());
        }
        // window positions 2, 1, 3, 0
        assertArrayEquals(new long[] {4, 3, 13, 10}, longs(pooled.indices().flat()));
        assertArrayEquals(new float[] {NAN, NAN, NAN, inf}, floats(pooled.values()));
        float[] expected = {
            0, 0, 0, 2,
            1, 0, 0, 0,
            0, 0, 4, 0,
            0, 3, 0, 0,
        };
        assertArrayEquals(expected, floats(x.getGradient()));
        // The engine's own max_pool2d routes the gradient to the same elements.
        NDArray reference = x.stopGradient().duplicate();
        reference.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray theirs = Pool.maxPool2d(reference, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
            collector.backward(theirs.mul(manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2))).sum());
        }
        assertArrayEquals(expected, floats(reference.getGradient()), "engine max_pool2d");
    }

    @Test
    void agreesWithTheEnginesMaxPoolOnTiedAndNonFiniteInputs() {
        // Values from {0, 1, 2} tie in most windows; NaN and infinities on top, sparse then dense
        // (the dense case has many windows with several NaN).
        compareWithEngine(0.05f, 0.03f, 0.03f);
        compareWithEngine(0.35f, 0.15f, 0.25f);
    }

    private void compareWithEngine(float nanRate, float infRate, float negInfRate) {
        NDArray x = manager.randomInteger(0, 3, new Shape(2, 3, 8, 12), DataType.INT32).toType(DataType.FLOAT32, false);
        NDArray u = manager.randomUniform(0f, 1f, x.getShape());
        x = replaceWhere(x, u.lt(nanRate), NAN);
        x = replaceWhere(x, u.gte(nanRate).logicalAnd(u.lt(nanRate + infRate)), Float.POSITIVE_INFINITY);
        x = replaceWhere(x, u.gte(nanRate + infRate).logicalAnd(u.lt(nanRate + infRate + negInfRate)), NINF);
        NDArray weights = manager.randomUniform(1f, 2f, new Shape(2, 3, 4, 6));

        NDArray mine = x.duplicate();
        mine.setRequiresGradient(true);
        NDArray reference = x.duplicate();
        reference.setRequiresGradient(true);
        NDArray ours;
        NDArray theirs;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            ours = MaxPool2x2.pool(mine).values();
            collector.backward(ours.mul(weights).sum());
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            theirs = Pool.maxPool2d(reference, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
            collector.backward(theirs.mul(weights).sum());
        }
        assertArrayEquals(floats(theirs), floats(ours), "values");
        assertArrayEquals(floats(reference.getGradient()), floats(mine.getGradient()), "gradient routed to the same winners");
    }

    private NDArray replaceWhere(NDArray x, NDArray condition, float value) {
        NDArray filled = manager.full(x.getShape(), value);
        return NDArrays.where(condition, filled, x);
    }

    @Test
    void unpoolWritesEachValueAtItsWinnerAndZerosElsewhere() {
        PoolIndices indices = MaxPool2x2.pool(tiedInput()).indices();
        NDArray values = manager.create(new float[] {10, 20, 30, 40, NAN, Float.POSITIVE_INFINITY, NINF, 80},
                new Shape(1, 2, 2, 2));
        NDArray out = MaxPool2x2.unpool(values, indices);
        assertEquals(new Shape(1, 2, 4, 4), out.getShape());
        assertArrayEquals(new float[] {
            10, 0, 20, 0,
            0, 0, 0, 0,
            0, 30, 40, 0,
            0, 0, 0, 0,

            0, 0, 0, Float.POSITIVE_INFINITY,
            NAN, 0, 0, 0,
            0, 0, 80, 0,
            0, NINF, 0, 0,
        }, floats(out));
    }

    @Test
    void unpoolGradientIsTheOutputGradientAtTheWinner() {
        PoolIndices indices = MaxPool2x2.pool(tiedInput()).indices();
        NDArray values = manager.ones(new Shape(1, 2, 2, 2));
        values.setRequiresGradient(true);
        NDArray outputGradient = manager.arange(1f, 33f).reshape(1, 2, 4, 4);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(MaxPool2x2.unpool(values, indices).mul(outputGradient).sum());
        }
        // flat winners 0 2 9 10 / 4 3 13 10, read from 1..16 and 17..32
        assertArrayEquals(new float[] {1, 3, 10, 11, 21, 20, 30, 27}, floats(values.getGradient()));
    }

    @Test
    void unpoolOfPoolKeepsTheWinnersOnly() {
        NDArray x = manager.randomInteger(0, 4, new Shape(2, 3, 6, 8), DataType.INT32).toType(DataType.FLOAT32, false);
        Pooled pooled = MaxPool2x2.pool(x);
        NDArray back = MaxPool2x2.unpool(pooled.values(), pooled.indices());
        NDArray reference = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
        assertArrayEquals(floats(reference), floats(pooled.values()));
        assertArrayEquals(floats(x.sub(back).mul(back.neq(0f).toType(DataType.FLOAT32, false))), new float[(int) x.size()]);
        // exactly one written element per window
        NDArray written = MaxPool2x2.unpool(manager.ones(pooled.values().getShape()), pooled.indices());
        assertEquals(pooled.values().size(), (long) written.sum().getFloat());
    }

    @Test
    void rejectsShapesItCannotPool() {
        assertThrows(IllegalArgumentException.class, () -> MaxPool2x2.pool(manager.zeros(new Shape(1, 1, 3, 4))));
        assertThrows(IllegalArgumentException.class, () -> MaxPool2x2.pool(manager.zeros(new Shape(4, 4))));
        PoolIndices indices = MaxPool2x2.pool(manager.zeros(new Shape(1, 2, 4, 4))).indices();
        assertThrows(IllegalArgumentException.class, () -> MaxPool2x2.unpool(manager.zeros(new Shape(1, 3, 2, 2)), indices));
    }
}
