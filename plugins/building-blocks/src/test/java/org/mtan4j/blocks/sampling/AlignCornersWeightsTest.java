package org.mtan4j.blocks.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** One axis's align-corners weights, worked out by hand. */
class AlignCornersWeightsTest {

    @Test
    void weightsOfOneAxis() {
        // 3 -> 4: sources 0, 2/3, 4/3, 2.
        float[] w = AlignCornersWeights.of(3, 4).matrix();
        float t = 2f / 3f;
        assertArrayEquals(new float[] {1, 0, 0, 1 - t, t, 0, 0, 1 - (2 * t - 1), 2 * t - 1, 0, 0, 1}, w, 1e-6f);
    }

    @Test
    void positionsAndWeightsOfOneAxis() {
        // 2 -> 5: sources 0, 0.25, 0.5, 0.75, 1; the last reads the last input twice.
        AlignCornersWeights w = AlignCornersWeights.of(2, 5);
        assertArrayEquals(new int[] {0, 0, 0, 0, 1}, w.lowerIndices());
        assertArrayEquals(new int[] {1, 1, 1, 1, 1}, w.upperIndices());
        assertArrayEquals(new float[] {0f, 0.25f, 0.5f, 0.75f, 0f}, w.upperWeights());
        assertArrayEquals(new float[] {1f, 0.75f, 0.5f, 0.25f, 1f}, w.lowerWeights());
    }

    @Test
    void theSameSizeIsTheIdentity() {
        AlignCornersWeights w = AlignCornersWeights.of(3, 3);
        assertArrayEquals(new int[] {0, 1, 2}, w.lowerIndices());
        assertArrayEquals(new int[] {0, 1, 2}, w.upperIndices());
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, w.matrix());
    }

    @Test
    void rejectsEmptyAxes() {
        assertThrows(IllegalArgumentException.class, () -> AlignCornersWeights.of(0, 2));
        assertThrows(IllegalArgumentException.class, () -> AlignCornersWeights.of(2, 0));
    }
}
