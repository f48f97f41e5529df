package org.mtan4j.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Decides how a step's per-task losses become parameter gradients.
 *
 * <p>A loss-level method (equal, DWA, uncertainty) only implements {@link #combine}: the runtime
 * differentiates the scalar it returns. A gradient-level method overrides {@link #backward} and
 * uses the {@link WeightingContext} to obtain per-task gradients and write back a combined one.
 * Instances hold per-run state (e.g. a loss history) and are used from one thread.
 */
public interface Weighting {

    /**
     * Combines the step's task losses into the scalar to differentiate, and records the effective
     * task weights for {@link #taskWeights()}.
     *
     * @param taskLosses one scalar loss per task, in the run's task order
     */
    NDArray combine(NDList taskLosses, WeightingContext context);

    /**
     * Produces the step's gradients. The default differentiates {@link #combine}'s result once.
     */
    default void backward(NDList taskLosses, WeightingContext context) {
        context.backward(combine(taskLosses, context));
    }

    /** The effective weight of each task in the last step (before any step: the initial weights). */
    double[] taskWeights();

    /**
     * What {@link #taskWeights()} sums to, when the method fixes it (equal and DWA: the task count);
     * empty when it does not (uncertainty). The Weighting contract checks it.
     */
    default OptionalDouble weightSum() {
        return OptionalDouble.empty();
    }

    /**
     * Parameters the method learns (uncertainty's log-variances), as a block the runtime adds to the
     * model so the run's optimiser trains it and checkpoints hold it. Empty by default.
     */
    default Optional<Block> parameters() {
        return Optional.empty();
    }

    /**
     * Whether the method works on gradients with respect to the representations handed to the heads
     * (LibMTL's {@code rep_grad}; GradDrop needs it) rather than the shared parameters. When {@code true}
     * the runtime cuts the graph between backbone and heads for every training step so that
     * {@link WeightingContext#representationGradients} is available. {@code false} by default.
     */
    default boolean usesRepresentationGradients() {
        return false;
    }

    /**
     * Whether the runtime should evaluate each step's batch again after the optimiser's update and
     * report the losses to {@link #afterUpdate} (FAMO needs them). {@code false} by default: the extra
     * forward pass is paid only by methods that ask for it.
     */
    default boolean wantsLossesAfterUpdate() {
        return false;
    }

    /**
     * Called after the optimiser's update when {@link #wantsLossesAfterUpdate()} is {@code true}, with
     * the same batch's task losses under the updated parameters (a forward pass in training mode without
     * gradients, as LibMTL's trainer does for FAMO).
     *
     * @param taskLosses one loss value per task, in task order
     */
    default void afterUpdate(double[] taskLosses) {
    }

    /**
     * Called after each training epoch.
     *
     * @param epoch the epoch just finished, from 0
     * @param meanTaskLosses each task's mean training loss over that epoch
     */
    default void onEpochEnd(int epoch, double[] meanTaskLosses) {
    }
}
