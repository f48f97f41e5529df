package org.mtan4j.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.function.Supplier;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricValue;

/** What every per-batch metric must do, checked on the caller's batches. */
final class PerBatchAssertions {

    private PerBatchAssertions() {
    }

    /**
     * Asserts that after a reset (which must forget: every value NaN) {@code metric}, fed {@code batches}
     * ({@code {prediction, target}} pairs) in reverse order, reports per value the mean of what a fresh
     * metric from {@code fresh} reports for each batch alone, over the batches that give that value.
     */
    static void assertMeanOfEachBatch(Metric metric, Supplier<Metric> fresh, List<NDArray[]> batches, double tolerance) {
        int values = fresh.get().compute().size();
        double[] sums = new double[values];
        int[] counts = new int[values];
        for (NDArray[] batch : batches) {
            Metric alone = fresh.get();
            alone.update(batch[0], batch[1]);
            List<MetricValue> own = alone.compute();
            for (int i = 0; i < values; i++) {
                if (!Double.isNaN(own.get(i).value())) {
                    sums[i] += own.get(i).value();
                    counts[i]++;
                }
            }
        }
        metric.reset();
        metric.compute().forEach(v -> assertTrue(Double.isNaN(v.value()), "reset forgets " + v.name()));
        for (int b = batches.size() - 1; b >= 0; b--) {
            metric.update(batches.get(b)[0], batches.get(b)[1]);
        }
        List<MetricValue> reported = metric.compute();
        for (int i = 0; i < values; i++) {
            assertEquals(sums[i] / counts[i], reported.get(i).value(), tolerance, reported.get(i).name() + ": the mean of each batch's own value");
        }
    }
}
