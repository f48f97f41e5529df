package org.mtan4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricProvider;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.TaskSpec;

/**
 * What every {@link MetricProvider} must do: results independent of the order and batching of
 * updates, a reset that forgets, stable names with a direction.
 *
 * @param <O> the provider's options
 */
public abstract class MetricContract<O> extends ContractSupport {

    private static final int HEIGHT = 6;
    private static final int WIDTH = 8;

    /** The provider under test. */
    protected abstract MetricProvider<O> provider();

    /** The options to test with. */
    protected abstract O options();

    /** One task of each supported kind. */
    protected List<TaskSpec> tasks() {
        return provider().supportedKinds().stream().map(Fixtures::taskOf).toList();
    }

    @Test
    void describesItself() {
        assertDescribesItself(provider());
        assertFalse(provider().supportedKinds().isEmpty());
    }

    @Test
    void isIndependentOfUpdateOrderAndBatching() {
        for (TaskSpec task : tasks()) {
            NDArray[] predictions = new NDArray[3];
            NDArray[] targets = new NDArray[3];
            for (int i = 0; i < 3; i++) {
                predictions[i] = prediction(task, 2, HEIGHT, WIDTH);
                targets[i] = target(task, 2, HEIGHT, WIDTH);
            }
            Metric metric = provider().create(options(), task);
            for (int i = 0; i < 3; i++) {
                metric.update(predictions[i], targets[i]);
            }
            List<MetricValue> forward = metric.compute();
            assertFalse(forward.isEmpty(), "at least one value");
            metric.reset();
            for (int i = 2; i >= 0; i--) {
                metric.update(predictions[i], targets[i]);
            }
            assertClose(forward, metric.compute(), task.name() + ": reversed order");

            Metric batched = provider().create(options(), task);
            batched.update(predictions[0].concat(predictions[1]).concat(predictions[2]),
                    targets[0].concat(targets[1]).concat(targets[2]));
            assertClose(forward, batched.compute(), task.name() + ": one batch of all");
        }
    }

    @Test
    void resetForgetsAndNamesAreStable() {
        for (TaskSpec task : tasks()) {
            Metric metric = provider().create(options(), task);
            NDArray p1 = prediction(task, 2, HEIGHT, WIDTH);
            NDArray t1 = target(task, 2, HEIGHT, WIDTH);
            metric.update(p1, t1);
            List<MetricValue> once = metric.compute();
            // A perfect second batch must move every random-batch result (any sane metric rewards it).
            NDArray t2 = target(task, 2, HEIGHT, WIDTH);
            metric.update(Fixtures.perfectPrediction(task, t2), t2);
            List<MetricValue> twice = metric.compute();
            assertNotEquals(values(once), values(twice), task.name() + ": a second, different batch changes the result");
            metric.reset();
            metric.update(p1, t1);
            assertClose(once, metric.compute(), task.name() + ": reset forgets");
            List<String> names = once.stream().map(MetricValue::name).toList();
            assertEquals(names.size(), names.stream().distinct().count(), "unique value names");
        }
    }

    private static List<Double> values(List<MetricValue> values) {
        return values.stream().map(MetricValue::value).toList();
    }

    private static void assertClose(List<MetricValue> expected, List<MetricValue> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            MetricValue e = expected.get(i);
            MetricValue a = actual.get(i);
            assertEquals(e.name(), a.name(), what);
            assertEquals(e.direction(), a.direction(), what);
            assertEquals(e.value(), a.value(), 1e-6 * Math.max(1, Math.abs(e.value())), what + " " + e.name());
        }
    }
}
