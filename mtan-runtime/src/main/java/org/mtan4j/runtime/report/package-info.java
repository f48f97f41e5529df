/**
 * Reports from run directories, without plugins or an engine: {@link org.mtan4j.runtime.report.RunRecord}
 * reads {@code config.yaml}, {@code provenance.json} and {@code metrics.csv};
 * {@link org.mtan4j.runtime.report.RunSummary} picks epochs by a {@link org.mtan4j.runtime.report.Selection}
 * (the paper's average of the last 10 epochs, or the best validation epoch);
 * {@link org.mtan4j.runtime.report.DeltaMtl} compares with single-task baselines;
 * {@link org.mtan4j.runtime.report.ComparisonReport} lays runs out in the paper's table as Markdown and
 * CSV; {@link org.mtan4j.runtime.report.Plots} draws PNG charts.
 */
package org.mtan4j.runtime.report;
