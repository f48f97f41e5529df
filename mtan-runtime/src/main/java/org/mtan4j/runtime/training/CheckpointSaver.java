package org.mtan4j.runtime.training;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtan4j.api.Weighting;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.config.Yaml;

/** Writes a training run's resumable checkpoints, when it has a folder for them (both trainers). */
final class CheckpointSaver {
    private final Checkpoints checkpoints;
    private final ResolvedRun run;
    private final MultiTaskNetwork network;
    private ResumableOptimizer optimizer;
    private final Weighting weighting;
    private final NDManager manager;
    private final TrainingState.BaselineSummary baselines;
    private final List<String> signature;

    CheckpointSaver(Checkpoints checkpoints, ResolvedRun run, MultiTaskNetwork network, ResumableOptimizer optimizer, Weighting weighting,
            NDManager manager, Baselines.Result baselines) {
        this.checkpoints = checkpoints;
        this.run = run;
        this.network = network;
        this.optimizer = optimizer;
        this.weighting = weighting;
        this.manager = manager;
        this.baselines = new TrainingState.BaselineSummary(baselines.descriptions(), baselines.valMetrics());
        this.signature = Checkpoints.signature(network);
    }

    /** The optimiser whose state is saved from now on (a many-to-many restart builds a new one). */
    void optimizer(ResumableOptimizer replacement) {
        this.optimizer = replacement;
    }

    /**
     * Saves the state "in {@code epoch}, before its step {@code step}"; null when there is no folder.
     *
     * @param turns a many-to-many run's progress; null for other runs
     */
    Path save(int epoch, int step, long globalStep, double[] lossSums, double[] weightSums, TrainingState.TurnProgress turns,
            List<EpochEnd> epochs) {
        if (checkpoints == null) {
            return null;
        }
        List<TrainingState.EpochSummary> summaries = new ArrayList<>();
        epochs.forEach(e -> summaries.add(TrainingState.EpochSummary.of(e)));
        try {
            TrainingState state = new TrainingState(TrainingState.FORMAT, Yaml.mapper().writeValueAsString(run.config()), signature,
                    run.config().training().optimizer().name(), epoch, step, globalStep, lossSums.clone(), weightSums.clone(),
                    summaries, baselines, turns);
            return checkpoints.write(state, weighting.state(), network, optimizer, manager);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write a checkpoint in " + checkpoints.folder() + ": " + e.getMessage(), e);
        }
    }
}
