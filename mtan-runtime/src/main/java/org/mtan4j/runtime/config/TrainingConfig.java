package org.mtan4j.runtime.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The training loop's settings. Defaults follow the paper for NYUv2 (200 epochs, batch 2).
 *
 * @param epochs number of epochs
 * @param batchSize training batch size (the last batch may be smaller: no drop_last, as the paper)
 * @param evalBatchSize evaluation batch size
 * @param optimizer the optimiser
 * @param scheduler the learning-rate schedule
 * @param loaderThreads threads preparing batches in the background
 * @param prefetch batches prepared ahead of the training loop
 * @param checkpointEvery epochs between checkpoints (the last epoch always writes one)
 * @param threads PyTorch's intra-op (compute) threads; 0, the default, means all cores. Loader threads
 *     come on top, so a value below the core count leaves cores for data loading
 * @param taskOrder many-to-many runs only (several datasets): {@code in-turn} (the default, as the paper's
 *     decathlon code: each epoch trains task 0 on its whole training split, then task 1, ...) or
 *     {@code interleaved} (one batch of each task in turn, round-robin, until every split is used up);
 *     absent (null) in other runs
 * @param restarts many-to-many runs only: restarts of the optimiser and schedule at given epochs, with tasks
 *     to skip from then on (the paper's decathlon code restarts at 300 and skips imagenet12); absent (null)
 *     when there are none
 * @param checkpointEverySteps training steps between resumable checkpoints within an epoch; 0, the default,
 *     writes them at epoch ends only (every {@code checkpoint-every} epochs)
 * @param keepCheckpoints how many of the newest resumable checkpoints to keep (default 2, so that a damaged
 *     newest one leaves one to fall back to)
 * @param trainOnVal many-to-many runs only: whether each task's turn also trains on its validation split,
 *     after its training split (default false), as the paper's decathlon code with {@code --mode all}
 *     before a test submission; the validation metrics are then measured on data the model learns from.
 *     Absent (null) in other runs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingConfig(Integer epochs, Integer batchSize, Integer evalBatchSize, OptimizerConfig optimizer,
        SchedulerConfig scheduler, Integer loaderThreads, Integer prefetch, Integer checkpointEvery, Integer threads,
        String taskOrder, List<RestartConfig> restarts, Integer checkpointEverySteps, Integer keepCheckpoints, Boolean trainOnVal) {

    /** The values of {@link #taskOrder()}. */
    public static final List<String> TASK_ORDERS = List.of("in-turn", "interleaved");

    /** Fills absent values with the defaults. */
    public TrainingConfig {
        epochs = epochs == null ? 200 : epochs;
        batchSize = batchSize == null ? 2 : batchSize;
        evalBatchSize = evalBatchSize == null ? batchSize : evalBatchSize;
        optimizer = optimizer == null ? OptimizerConfig.defaults() : optimizer;
        scheduler = scheduler == null ? SchedulerConfig.defaults() : scheduler;
        loaderThreads = loaderThreads == null ? 1 : loaderThreads;
        prefetch = prefetch == null ? 2 : prefetch;
        checkpointEvery = checkpointEvery == null ? 1 : checkpointEvery;
        threads = threads == null ? 0 : threads;
        checkpointEverySteps = checkpointEverySteps == null ? 0 : checkpointEverySteps;
        keepCheckpoints = keepCheckpoints == null ? 2 : keepCheckpoints;
        restarts = restarts == null || restarts.isEmpty() ? null : Collections.unmodifiableList(new ArrayList<>(restarts));
    }

    /** The intra-op thread count to use: {@link #threads()}, or the available cores when it is 0. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * These settings with the task order, restarts and training on the validation splits given (the
     * resolver writes out their defaults for many-to-many runs).
     */
    public TrainingConfig withManyToMany(String order, List<RestartConfig> newRestarts, boolean newTrainOnVal) {
        return new TrainingConfig(epochs, batchSize, evalBatchSize, optimizer, scheduler, loaderThreads, prefetch,
                checkpointEvery, threads, order, newRestarts, checkpointEverySteps, keepCheckpoints, newTrainOnVal);
    }

    /** The restarts, never null. */
    public List<RestartConfig> restartList() {
        return restarts == null ? List.of() : restarts;
    }

    /** All defaults. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
