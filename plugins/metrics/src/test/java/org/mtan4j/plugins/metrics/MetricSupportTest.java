package org.mtan4j.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class MetricSupportTest {

    static {
        System.setProperty("ai.djl.offline", "true");
    }

    @Test
    void scopeFreesIntermediatesAndHandsTheBatchBack() {
        try (NDManager predictions = NDManager.newBaseManager(); NDManager targets = NDManager.newBaseManager()) {
            NDArray prediction = predictions.create(new float[] {1, 2});
            NDArray target = targets.create(new float[] {3, 4});
            NDArray intermediate;
            try (NDManager scope = MetricSupport.scope(prediction, target)) {
                intermediate = prediction.add(target);
                assertSame(scope, intermediate.getManager());
            }
            assertTrue(intermediate.isReleased(), "intermediate freed");
            assertFalse(prediction.isReleased());
            assertFalse(target.isReleased());
            assertSame(predictions, prediction.getManager());
            assertSame(targets, target.getManager());
            assertEquals(3f, prediction.add(2).getFloat(0));
        }
    }
}
