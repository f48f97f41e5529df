package org.mtan4j.plugins.wrnmtan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.Direction;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.blocks.EngineTest;

/** Top-1 accuracy on hand-made batches. */
class Top1MetricTest extends EngineTest {

    @Test
    void countsArgmaxHitsAndSkipsIgnoredSamples() {
        Top1Metric metric = new Top1MetricProvider().create(NoOptions.INSTANCE, TaskSpec.classification("t", 3));
        assertTrue(Double.isNaN(metric.compute().get(0).value()), "NaN before any sample");
        // argmax: 1, 0, 2, 2; targets 1, 2, 2, -1 (ignored): 2 hits of 3.
        metric.update(manager.create(new float[] {0, 5, 1, 3, 2, 1, 0, 0, 9, 1, 2, 3}, new Shape(4, 3)),
                manager.create(new float[] {1, 2, 2, -1}));
        MetricValue value = metric.compute().get(0);
        assertEquals("accuracy", value.name());
        assertEquals(Direction.HIGHER_IS_BETTER, value.direction());
        assertEquals(2.0 / 3.0, value.value(), 1e-12);
        metric.update(manager.create(new float[] {1, 0, 0}, new Shape(1, 3)), manager.create(new float[] {1}));
        assertEquals(0.5, metric.compute().get(0).value(), 1e-12);
    }
}
