package org.mtan4j.runtime.training;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.runtime.ResolvedRun;

/**
 * What a run is about to do.
 *
 * @param run the resolved configuration
 * @param tasks the tasks
 * @param epochs epochs to train
 * @param stepsPerEpoch training steps per epoch
 * @param parameterCount trainable parameters of the model (weighting parameters included)
 * @param network the initialised model, for listeners that save it
 * @param previousEpochs when resuming: the epochs finished before (without a model); empty otherwise
 * @param resumedFrom when resuming: the checkpoint file continued from; null otherwise
 */
public record RunStart(ResolvedRun run, List<TaskSpec> tasks, int epochs, int stepsPerEpoch, long parameterCount,
        MultiTaskNetwork network, List<EpochEnd> previousEpochs, java.nio.file.Path resumedFrom) {

    /** A run from its start. */
    public RunStart(ResolvedRun run, List<TaskSpec> tasks, int epochs, int stepsPerEpoch, long parameterCount,
            MultiTaskNetwork network) {
        this(run, tasks, epochs, stepsPerEpoch, parameterCount, network, List.of(), null);
    }

    /** Whether this run continues from a checkpoint. */
    public boolean resumed() {
        return resumedFrom != null;
    }
}
