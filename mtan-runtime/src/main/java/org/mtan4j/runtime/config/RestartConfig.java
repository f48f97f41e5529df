package org.mtan4j.runtime.config;

import java.util.List;

/**
 * A restart of a many-to-many run's optimisation at a given epoch, as the paper's decathlon code does at
 * epoch 300 of 400 (models.md, WRN-MTAN; lorenmt/mtan {@code visual_decathlon/model_wrn_mtan.py}): it
 * builds a fresh optimiser (momentum buffers start again) with a new learning rate, a fresh StepLR
 * (whose epoch count starts again at the restart), and stops training imagenet12. A skipped task keeps
 * its last evaluation in later epochs' rows of {@code metrics.csv}: the paper reports imagenet12 with the
 * weights saved at the restart, and evaluating it later would use the other domains' shared BatchNorm
 * statistics. Its training loss there is NaN.
 *
 * @param epoch the first epoch of the new phase (from 0); the paper's 300
 * @param learningRate the learning rate the phase starts at; absent: the optimiser's initial one. The paper's 0.01
 * @param skipTasks tasks not trained from this epoch on (cumulative over restarts); the paper's [imagenet12]
 */
public record RestartConfig(Integer epoch, Double learningRate, List<String> skipTasks) {

    /** Never null skip list. */
    public RestartConfig {
        skipTasks = skipTasks == null ? List.of() : List.copyOf(skipTasks);
    }
}
