/**
 * The run directory: resolved {@code config.yaml}, {@code provenance.json}, {@code metrics.csv},
 * atomic {@code checkpoints/}, {@code report.md} and {@code plots/}, written by a
 * {@link org.mtan4j.runtime.run.RunRecorder} listening to the training loop.
 */
package org.mtan4j.runtime.run;
