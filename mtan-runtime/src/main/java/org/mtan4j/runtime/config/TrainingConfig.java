package org.mtan4j.runtime.config;

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
 */
public record TrainingConfig(Integer epochs, Integer batchSize, Integer evalBatchSize, OptimizerConfig optimizer,
        SchedulerConfig scheduler, Integer loaderThreads, Integer prefetch, Integer checkpointEvery, Integer threads) {

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
    }

    /** The intra-op thread count to use: {@link #threads()}, or the available cores when it is 0. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** All defaults. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(null, null, null, null, null, null, null, null, null);
    }
}
