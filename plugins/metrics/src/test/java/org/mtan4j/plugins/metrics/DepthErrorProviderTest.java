package org.mtan4j.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.Direction;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricAveraging;
import org.mtan4j.api.MetricProvider;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.testkit.MetricContract;

class DepthErrorProviderTest extends MetricContract<MetricAveraging> {

    private static final TaskSpec DEPTH = TaskSpec.depth("depth");

    @Override
    protected MetricProvider<MetricAveraging> provider() {
        return new DepthErrorProvider();
    }

    @Override
    protected MetricAveraging options() {
        return MetricAveraging.DEFAULT;
    }

    private NDArray depth(float... values) {
        return manager.create(values, new Shape(1, 1, 2, values.length / 2));
    }

    @Test
    void handComputedErrorsSkipUnknownDepth() {
        Metric metric = provider().create(options(), DEPTH);
        // Valid (t != 0): errors 1, 1, 0.5, 0 against depths 2, 4, 1, 5; the two t = 0 pixels are skipped.
        metric.update(depth(1, 3, 5, 1.5f, 7, 5), depth(2, 0, 4, 1, 0, 5));
        List<MetricValue> values = metric.compute();
        assertEquals("abs-error", values.get(0).name());
        assertEquals(Direction.LOWER_IS_BETTER, values.get(0).direction());
        assertEquals(2.5 / 4, values.get(0).value(), 1e-12);
        assertEquals("rel-error", values.get(1).name());
        assertEquals(Direction.LOWER_IS_BETTER, values.get(1).direction());
        assertEquals((0.5 + 0.25 + 0.5) / 4, values.get(1).value(), 1e-12);

        // Pixel-weighted over updates: one more valid pixel with error 3 (rel 1.5) among 5 in all.
        metric.update(depth(5, 9), depth(2, 0));
        assertEquals((2.5 + 3) / 5, metric.compute().get(0).value(), 1e-12);
        assertEquals((1.25 + 1.5) / 5, metric.compute().get(1).value(), 1e-12);
    }

    @Test
    void isNanWithoutValidPixels() {
        Metric metric = provider().create(options(), DEPTH);
        metric.update(depth(1, 2), depth(0, 0));
        for (MetricValue value : metric.compute()) {
            assertTrue(Double.isNaN(value.value()), value.name());
        }
    }

    @Test
    void rejectsMismatchedShapes() {
        Metric metric = provider().create(options(), DEPTH);
        assertThrows(IllegalArgumentException.class, () -> metric.update(depth(1, 2, 3, 4), depth(1, 2)));
    }

    @Test
    void batchOfTwoImagesWithInvalidPixelsInBoth() {
        Metric metric = provider().create(options(), DEPTH);
        // Image 1: t = (0, 2 | 4, 0), p = (9, 3 | 2, 9): valid errors 1 (rel 1/2) and 2 (rel 1/2).
        // Image 2: t = (1, 0 | 0, 0), p = (1.25, 5 | 5, 5): one valid pixel, error 0.25 (rel 0.25).
        NDArray prediction = manager.create(new float[] {9, 3, 2, 9, 1.25f, 5, 5, 5}, new Shape(2, 1, 2, 2));
        NDArray target = manager.create(new float[] {0, 2, 4, 0, 1, 0, 0, 0}, new Shape(2, 1, 2, 2));
        metric.update(prediction, target);
        assertEquals(3.25 / 3, metric.compute().get(0).value(), 1e-12);
        assertEquals(1.25 / 3, metric.compute().get(1).value(), 1e-12);
    }

    @Test
    void perBatchIsTheMeanOfEachBatchsErrors() {
        Metric perBatch = provider().create(new MetricAveraging(MetricAveraging.PER_BATCH), DEPTH);
        Metric pooled = provider().create(options(), DEPTH);
        // Batch 1, four valid pixels: errors 1, 1, 0.5, 0 against depths 2, 4, 1, 5 (two t = 0 pixels skipped):
        // abs 2.5 / 4 = 0.625, rel (0.5 + 0.25 + 0.5 + 0) / 4 = 0.3125.
        NDArray p1 = depth(1, 3, 5, 1.5f, 7, 5);
        NDArray t1 = depth(2, 0, 4, 1, 0, 5);
        // Batch 2, one valid pixel: error 3 against depth 2: abs 3, rel 1.5.
        NDArray p2 = depth(5, 9);
        NDArray t2 = depth(2, 0);
        // Batch 3, no valid pixel: no value of its own, left out of the mean (the reference would divide by 0).
        NDArray p3 = depth(1, 2);
        NDArray t3 = depth(0, 0);
        for (Metric metric : new Metric[] {perBatch, pooled}) {
            metric.update(p1, t1);
            metric.update(p2, t2);
            metric.update(p3, t3);
        }
        List<MetricValue> batchValues = perBatch.compute();
        assertEquals((0.625 + 3) / 2, batchValues.get(0).value(), 1e-12, "abs-error: each batch weighs the same");
        assertEquals((0.3125 + 1.5) / 2, batchValues.get(1).value(), 1e-12, "rel-error");
        assertEquals((2.5 + 3) / 5, pooled.compute().get(0).value(), 1e-12, "abs-error: each valid pixel weighs the same");
        assertEquals((1.25 + 1.5) / 5, pooled.compute().get(1).value(), 1e-12, "rel-error");
        assertEquals(List.of("abs-error", "rel-error"), batchValues.stream().map(MetricValue::name).toList());

        PerBatchAssertions.assertMeanOfEachBatch(perBatch, () -> provider().create(new MetricAveraging(MetricAveraging.PER_BATCH), DEPTH),
                List.of(new NDArray[] {p1, t1}, new NDArray[] {p2, t2}, new NDArray[] {p3, t3}), 1e-12);
    }
}
