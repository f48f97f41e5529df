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
import org.mtan4j.api.MetricProvider;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.testkit.MetricContract;

class NormalAngleProviderTest extends MetricContract<NormalAngleOptions> {

    private static final TaskSpec NORMAL = TaskSpec.normal("normal");
    private static final float HALF = (float) Math.sqrt(0.5);
    private static final double TOLERANCE = 1e-3;

    @Override
    protected MetricProvider<NormalAngleOptions> provider() {
        return new NormalAngleProvider();
    }

    @Override
    protected NormalAngleOptions options() {
        return NormalAngleOptions.DEFAULTS;
    }

    /** Pixels given as xyz triples, laid out as {@code (1, 3, 1, W)}. */
    private NDArray normals(float[]... pixels) {
        float[] planar = new float[3 * pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            for (int c = 0; c < 3; c++) {
                planar[c * pixels.length + i] = pixels[i][c];
            }
        }
        return manager.create(planar, new Shape(1, 3, 1, pixels.length));
    }

    private static float[] xy(double degrees) {
        return new float[] {(float) Math.cos(Math.toRadians(degrees)), (float) Math.sin(Math.toRadians(degrees)), 0};
    }

    @Test
    void handComputedAnglesWithOddAndEvenCounts() {
        float[] x = {1, 0, 0};
        NDArray prediction = normals(x, x, new float[] {0, 0, 1}, x, new float[] {0, 1, 0}, x, x, x, x);
        NDArray target = normals(
                x,                            // 0 degrees
                new float[] {0, 1, 0},        // 90
                new float[] {0, 0, -1},       // 180
                new float[] {HALF, HALF, 0},  // 45
                new float[] {0, 0, 0},        // unknown
                new float[] {HALF, -HALF, 0}, // channel sum 0: excluded like the reference
                xy(10), xy(20), xy(25));
        Metric metric = provider().create(options(), NORMAL);
        metric.update(prediction, target);

        // Seven angles: 0, 10, 20, 25, 45, 90, 180.
        List<MetricValue> values = metric.compute();
        assertEquals(List.of("angle-mean", "angle-median", "within-11.25", "within-22.5", "within-30"),
                values.stream().map(MetricValue::name).toList());
        assertEquals(List.of(Direction.LOWER_IS_BETTER, Direction.LOWER_IS_BETTER, Direction.HIGHER_IS_BETTER,
                Direction.HIGHER_IS_BETTER, Direction.HIGHER_IS_BETTER),
                values.stream().map(MetricValue::direction).toList());
        assertEquals(370.0 / 7, values.get(0).value(), TOLERANCE);
        assertEquals(25, values.get(1).value(), TOLERANCE);
        assertEquals(2.0 / 7, values.get(2).value(), 1e-12);
        assertEquals(3.0 / 7, values.get(3).value(), 1e-12);
        assertEquals(4.0 / 7, values.get(4).value(), 1e-12);

        // An eighth angle, 60 degrees, in a second update: the median is the mean of 25 and 45.
        metric.update(normals(x), normals(xy(60)));
        values = metric.compute();
        assertEquals(430.0 / 8, values.get(0).value(), TOLERANCE);
        assertEquals(35, values.get(1).value(), TOLERANCE);
        assertEquals(4.0 / 8, values.get(4).value(), 1e-12);
    }

    @Test
    void clampsDotProductsJustOutsideTheUnitRange() {
        Metric metric = provider().create(options(), NORMAL);
        // |dot| slightly above 1 would make acos NaN without the clamp.
        metric.update(normals(new float[] {1.0001f, 0, 0}, new float[] {-1.0001f, 0, 0}),
                normals(new float[] {1, 0, 0}, new float[] {1, 0, 0}));
        assertEquals(90, metric.compute().get(0).value(), TOLERANCE);
        assertEquals(90, metric.compute().get(1).value(), TOLERANCE);
    }

    @Test
    void isNanWithoutValidPixels() {
        Metric metric = provider().create(options(), NORMAL);
        metric.update(normals(new float[] {1, 0, 0}), normals(new float[] {0, 0, 0}));
        for (MetricValue value : metric.compute()) {
            assertTrue(Double.isNaN(value.value()), value.name());
        }
    }

    @Test
    void rejectsMismatchedShapes() {
        Metric metric = provider().create(options(), NORMAL);
        assertThrows(IllegalArgumentException.class,
                () -> metric.update(manager.ones(new Shape(1, 2, 1, 1)), manager.ones(new Shape(1, 2, 1, 1))));
    }

    @Test
    void perBatchMedianIsTheMeanOfEachUpdatesMedian() {
        float[] x = {1, 0, 0};
        Metric metric = provider().create(new NormalAngleOptions("pooled", "per-batch"), NORMAL);
        // Batch 1: angles 0, 10, 20, 45 and two invalid pixels (unknown, channel sum 0): median (10 + 20) / 2.
        metric.update(normals(x, x, x, x, x, x),
                normals(x, xy(10), xy(20), new float[] {HALF, HALF, 0}, new float[] {0, 0, 0}, new float[] {HALF, -HALF, 0}));
        // Batch 2: only invalid pixels: it adds no median.
        metric.update(normals(x), normals(new float[] {0, 0, 0}));
        // Batch 3: angles 60, 90, 180: median 90.
        metric.update(normals(x, x, new float[] {0, 0, 1}), normals(xy(60), new float[] {0, 1, 0}, new float[] {0, 0, -1}));

        List<MetricValue> values = metric.compute();
        assertEquals((15 + 90) / 2.0, values.get(1).value(), TOLERANCE);
        // The other values still pool all seven valid angles.
        assertEquals((0 + 10 + 20 + 45 + 60 + 90 + 180) / 7.0, values.get(0).value(), TOLERANCE);
        assertEquals(2.0 / 7, values.get(2).value(), 1e-12);
        assertEquals(3.0 / 7, values.get(3).value(), 1e-12);

        // The exact median of the same seven angles is 45.
        Metric exact = provider().create(options(), NORMAL);
        exact.update(normals(x, x, x, x, x, x, x, x, new float[] {0, 0, 1}),
                normals(x, xy(10), xy(20), new float[] {HALF, HALF, 0}, new float[] {0, 0, 0}, new float[] {HALF, -HALF, 0},
                        xy(60), new float[] {0, 1, 0}, new float[] {0, 0, -1}));
        assertEquals(45, exact.compute().get(1).value(), TOLERANCE);

        metric.reset();
        assertTrue(Double.isNaN(metric.compute().get(1).value()));
    }

    @Test
    void rejectsAnUnknownMedian() {
        assertThrows(IllegalArgumentException.class, () -> new NormalAngleOptions("pooled", "mean"));
    }

    @Test
    void perBatchAveragesEveryValueOverBatches() {
        float[] x = {1, 0, 0};
        // Batch 1: angles 0, 10, 20, 45 and two invalid pixels (unknown, channel sum 0): mean 75 / 4,
        // median (10 + 20) / 2, within 11.25 / 22.5 / 30: 2, 3, 3 of 4.
        NDArray p1 = normals(x, x, x, x, x, x);
        NDArray t1 = normals(x, xy(10), xy(20), new float[] {HALF, HALF, 0}, new float[] {0, 0, 0}, new float[] {HALF, -HALF, 0});
        // Batch 2: only invalid pixels: no values of its own, left out of the means.
        NDArray p2 = normals(x);
        NDArray t2 = normals(new float[] {0, 0, 0});
        // Batch 3: angles 60, 90, 180: mean 110, median 90, none within any threshold.
        NDArray p3 = normals(x, x, new float[] {0, 0, 1});
        NDArray t3 = normals(xy(60), new float[] {0, 1, 0}, new float[] {0, 0, -1});
        Metric perBatch = provider().create(new NormalAngleOptions("per-batch", "exact"), NORMAL);
        Metric pooled = provider().create(options(), NORMAL);
        for (Metric metric : new Metric[] {perBatch, pooled}) {
            metric.update(p1, t1);
            metric.update(p2, t2);
            metric.update(p3, t3);
        }
        double[] batch1 = {75.0 / 4, 15, 2.0 / 4, 3.0 / 4, 3.0 / 4};
        double[] batch3 = {110, 90, 0, 0, 0};
        List<MetricValue> values = perBatch.compute();
        for (int i = 0; i < 5; i++) {
            assertEquals((batch1[i] + batch3[i]) / 2, values.get(i).value(), i < 2 ? TOLERANCE : 1e-12, values.get(i).name());
        }
        // Pooled, the same seven angles weigh the same: mean 405 / 7, exact median 45, within 2, 3, 3 of 7.
        double[] pooledExpected = {405.0 / 7, 45, 2.0 / 7, 3.0 / 7, 3.0 / 7};
        List<MetricValue> pooledValues = pooled.compute();
        for (int i = 0; i < 5; i++) {
            assertEquals(pooledExpected[i], pooledValues.get(i).value(), i < 2 ? TOLERANCE : 1e-12, pooledValues.get(i).name());
        }

        PerBatchAssertions.assertMeanOfEachBatch(perBatch, () -> provider().create(new NormalAngleOptions("per-batch", "per-batch"), NORMAL),
                List.of(new NDArray[] {p1, t1}, new NDArray[] {p2, t2}, new NDArray[] {p3, t3}), 1e-9);
    }

    @Test
    void perBatchAveragingMakesTheMedianPerBatch() {
        assertEquals(NormalAngleOptions.PER_BATCH, new NormalAngleOptions("per-batch", "exact").median(),
                "the resolved config says what is computed");
        assertEquals(NormalAngleOptions.EXACT, NormalAngleOptions.DEFAULTS.median());
        assertEquals("pooled", NormalAngleOptions.DEFAULTS.averaging());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NormalAngleOptions("mean", "exact"));
        assertTrue(e.getMessage().startsWith("averaging must be one of pooled, per-batch"), e.getMessage());
    }
}
