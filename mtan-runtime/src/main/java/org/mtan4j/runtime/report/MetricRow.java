package org.mtan4j.runtime.report;

/**
 * One row of a run's {@code metrics.csv}.
 *
 * @param epoch from 1
 * @param split {@code train} or {@code val}
 * @param task the task, empty for run-wide values (learning rate)
 * @param metric {@code loss}, {@code weight}, {@code learning-rate} or a metric value's name
 * @param value the value (NaN allowed)
 * @param higherIsBetter the direction; null for values without one (weight, learning rate)
 */
public record MetricRow(int epoch, String split, String task, String metric, double value, Boolean higherIsBetter) {
}
