package org.mtan4j.runtime.report;

/**
 * A validation metric of one task.
 *
 * @param task the task
 * @param metric the metric value's name, e.g. {@code miou}
 * @param higherIsBetter its direction
 */
public record MetricKey(String task, String metric, boolean higherIsBetter) {

    /** {@code task metric} with an arrow for the direction, as table headers show it. */
    public String label() {
        return task + " " + metric + (higherIsBetter ? " ↑" : " ↓");
    }
}
