package org.mtan4j.runtime.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BatchLoaderTest {

    @Test
    void orderIsAPermutationFixedBySeedAndEpoch() {
        int[] a = BatchLoader.order(50, true, 7, 3);
        assertArrayEquals(a, BatchLoader.order(50, true, 7, 3));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        assertArrayEquals(BatchLoader.order(50, false, 0, 0), sorted);
        assertFalse(Arrays.equals(a, BatchLoader.order(50, true, 7, 4)), "another epoch, another order");
        assertFalse(Arrays.equals(a, BatchLoader.order(50, true, 8, 3)), "another seed, another order");
    }
}
