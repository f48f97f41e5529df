package org.mtan4j.plugins.wrnmtan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.Direction;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricAveraging;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.testkit.EngineTest;

/** Top-1 accuracy on hand-made batches. */
class Top1MetricTest extends EngineTest {

    private static final TaskSpec TASK = TaskSpec.classification("t", 3);

    @Test
    void countsArgmaxHitsAndSkipsIgnoredSamples() {
        Top1Metric metric = new Top1MetricProvider().create(MetricAveraging.DEFAULT, TASK);
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

    /** Samples whose arg-max is {@code classes[i]}, one row each. */
    private NDArray scores(int... classes) {
        float[] rows = new float[3 * classes.length];
        for (int i = 0; i < classes.length; i++) {
            rows[3 * i + classes[i]] = 1;
        }
        return manager.create(rows, new Shape(classes.length, 3));
    }

    private NDArray labels(float... labels) {
        return manager.create(labels);
    }

    @Test
    void perBatchIsTheMeanOfEachBatchsAccuracy() {
        Metric perBatch = new Top1MetricProvider().create(new MetricAveraging(MetricAveraging.PER_BATCH), TASK);
        Metric pooled = new Top1MetricProvider().create(MetricAveraging.DEFAULT, TASK);
        // Batch 1: four samples, 3 hits (the last one misses): accuracy 3/4.
        NDArray p1 = scores(0, 1, 2, 0);
        NDArray t1 = labels(0, 1, 2, 1);
        // Batch 2: the last, smaller batch, two samples, 0 hits: accuracy 0.
        NDArray p2 = scores(2, 2);
        NDArray t2 = labels(0, 1);
        // Batch 3: only an ignored sample: no accuracy of its own, left out of the mean.
        NDArray p3 = scores(1);
        NDArray t3 = labels(-1);
        for (Metric metric : new Metric[] {perBatch, pooled}) {
            metric.update(p1, t1);
            metric.update(p2, t2);
            metric.update(p3, t3);
        }
        assertEquals((0.75 + 0) / 2, perBatch.compute().get(0).value(), 1e-12, "each batch weighs the same");
        assertEquals(3.0 / 6, pooled.compute().get(0).value(), 1e-12, "each sample weighs the same");

        // The mean of each batch's own value, in any order.
        Metric alone = new Top1MetricProvider().create(new MetricAveraging(MetricAveraging.PER_BATCH), TASK);
        alone.update(p1, t1);
        double first = alone.compute().get(0).value();
        alone.reset();
        alone.update(p2, t2);
        double second = alone.compute().get(0).value();
        perBatch.reset();
        assertTrue(Double.isNaN(perBatch.compute().get(0).value()), "reset forgets");
        perBatch.update(p2, t2);
        perBatch.update(p1, t1);
        assertEquals((first + second) / 2, perBatch.compute().get(0).value(), 1e-12);
    }

    @Test
    void refusesAnUnknownAveraging() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MetricAveraging("per-sample"));
        assertTrue(e.getMessage().startsWith("averaging must be one of pooled, per-batch"), e.getMessage());
    }
}
