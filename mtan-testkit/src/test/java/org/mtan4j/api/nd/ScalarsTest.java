package org.mtan4j.api.nd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.mtan4j.testkit.ContractSupport;
import org.mtan4j.testkit.FreedMemory;

/** Scalars' arithmetic, its number's type and lifetime, and the DJL hazard it avoids. */
class ScalarsTest extends ContractSupport {

    /** The gradient of {@code sum(op(x))} at x = (0.5, 2, 3), with a collection between forward and backward. */
    private float[] gradientAfterACollection(UnaryOperator<NDArray> op) {
        NDArray x = manager.create(new float[] {0.5f, 2f, 3f});
        x.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray total = op.apply(x).sum();
            FreedMemory.run(true, () -> collector.backward(total));
        }
        return x.getGradient().toFloatArray();
    }

    @Test
    void everyOperationKeepsItsNumberForTheBackwardPass() {
        assertArrayEquals(new float[] {3f, 3f, 3f}, gradientAfterACollection(x -> Scalars.mul(x, 3)), "mul");
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f}, gradientAfterACollection(x -> Scalars.div(x, 4)), "div");
        assertArrayEquals(new float[] {1f, 4f, 6f}, gradientAfterACollection(x -> Scalars.pow(x, 2)), "pow");
        assertArrayEquals(new float[] {0f, 1f, 1f}, gradientAfterACollection(x -> Scalars.maximum(x, 1)), "maximum");
        assertArrayEquals(new float[] {1f, 0f, 0f}, gradientAfterACollection(x -> Scalars.minimum(x, 1)), "minimum");
    }

    @Test
    void valuesMatchDjlsOwnOverloads() {
        NDArray x = manager.create(new float[] {-1.5f, 0.25f, 7f});
        assertEquals(x.mul(0.3f), Scalars.mul(x, 0.3f));
        assertEquals(x.div(3f), Scalars.div(x, 3f));
        assertEquals(x.abs().pow(1.5f), Scalars.pow(x.abs(), 1.5f));
        assertEquals(x.maximum(0.25f), Scalars.maximum(x, 0.25f));
        assertEquals(x.minimum(0.25f), Scalars.minimum(x, 0.25f));
    }

    @Test
    void theNumberTakesTheArraysTypeAndManager() {
        NDArray doubles = manager.create(new double[] {1, 2});
        NDArray number = Scalars.of(doubles, 0.1);
        assertEquals(DataType.FLOAT64, number.getDataType());
        assertEquals(new Shape(), number.getShape());
        assertEquals(0.1, number.getDouble(), 0.0, "a double keeps its precision");
        assertEquals(manager, number.getManager());
        NDArray floats = manager.create(new float[] {1, 2});
        assertEquals(DataType.FLOAT32, Scalars.of(floats, 0.1).getDataType());
        assertEquals(0.1f, Scalars.of(floats, 0.1).getFloat(), 0f);
        assertEquals(DataType.INT64, Scalars.of(manager.create(new long[] {1}), 3).getDataType());
    }

    /**
     * Why Scalars exists, and proof that {@link FreedMemory} really disturbs a backward pass: DJL's own
     * {@code mul(Number)} loses its number to a collection. If DJL ever keeps the number alive, this test
     * fails and Scalars can go.
     */
    @Test
    void djlsNumberOverloadLosesItsNumberToACollection() {
        int wrong = 0;
        for (int attempt = 0; attempt < 10; attempt++) {
            float[] gradient = gradientAfterACollection(x -> x.mul(3f));
            if (gradient[0] != 3f) {
                wrong++;
            }
        }
        assertTrue(wrong > 0, "DJL's mul(Number) kept its number through 10 collections: the hazard Scalars avoids is gone");
    }
}
