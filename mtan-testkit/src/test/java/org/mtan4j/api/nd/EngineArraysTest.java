package org.mtan4j.api.nd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.mtan4j.testkit.ContractSupport;
import org.mtan4j.testkit.FreedMemory;

/** An owned copy keeps its values after the Java data it was made from is collected. */
class EngineArraysTest extends ContractSupport {

    private static final float[] VALUES = {1.5f, -2f, 3.25f, 4f};

    /** The copy's values, read after a collection has freed (and refilled) the original's Java buffer. */
    private double[] afterACollection(DataType type) {
        NDArray copy;
        try (NDArray wrapped = manager.create(VALUES, new Shape(2, 2))) {
            copy = EngineArrays.ownedCopy(wrapped, type, wrapped.getDevice());
        }
        assertEquals(type, copy.getDataType());
        assertEquals(new Shape(2, 2), copy.getShape());
        double[][] read = new double[1][];
        FreedMemory.run(true, () -> read[0] = copy.toType(DataType.FLOAT64, false).toDoubleArray());
        return read[0];
    }

    @Test
    void aCopyInTheSameTypeOutlivesItsJavaData() {
        // The case PyTorch's toType() would answer with the original memory.
        assertArrayEquals(new double[] {1.5, -2, 3.25, 4}, afterACollection(DataType.FLOAT32));
    }

    @Test
    void aCopyInAnotherTypeOutlivesItsJavaData() {
        assertArrayEquals(new double[] {1.5, -2, 3.25, 4}, afterACollection(DataType.FLOAT64));
    }
}
