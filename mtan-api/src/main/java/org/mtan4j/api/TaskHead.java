package org.mtan4j.api;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;

/**
 * Turns one task's features into its prediction, and owns that task's loss.
 *
 * <p>{@link #block()}'s forward takes {@code NDList(features)} and returns {@code NDList(prediction)}
 * with the output activation applied (log-probabilities for segmentation, unit vectors for normals),
 * so metrics and {@code mtan predict} read predictions directly.
 */
public interface TaskHead {

    /** The task this head predicts. */
    TaskSpec task();

    /** The head network; built but not yet initialised. */
    Block block();

    /**
     * The task's training loss for a batch: a scalar averaged as the task's reference defines it.
     *
     * @param prediction the head's output for the batch
     * @param target the batch's target for this task (shape per {@link TaskKind})
     */
    NDArray loss(NDArray prediction, NDArray target);
}
