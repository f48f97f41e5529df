package org.mtan4j.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * A batch with its own manager: everything computed from it (activations, losses) attaches to that
 * manager, so closing the batch frees the step's memory.
 *
 * @param manager owns the batch's arrays and the step's activations
 * @param images {@code (N, C, H, W)}
 * @param targets one stacked target per task, in the run's task order
 * @param size the number of samples
 */
public record Batch(NDManager manager, NDArray images, NDList targets, int size) implements AutoCloseable {

    @Override
    public void close() {
        manager.close();
    }
}
