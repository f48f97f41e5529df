package org.mtan4j.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Decides how a step's per-task losses become parameter gradients.
 *
 * <p>A loss-level method (equal, DWA, uncertainty) only implements {@link #combine}: the runtime
 * differentiates the scalar it returns. A gradient-level method overrides {@link #backward} and
 * uses the {@link WeightingContext} to obtain per-task gradients and write back a combined one. The bases
 * in {@link org.mtan4j.api.weighting} do the common part of either ({@code LossWeighting}: the weighted sum
 * of the losses; {@code GradientWeighting}: the per-task gradients, their Gram matrix and the combined
 * gradient). Instances hold per-run state (e.g. a loss history) and are used from one thread.
 *
 * <p><b>Many-to-many runs</b> (several datasets, one task per batch, as the Visual Decathlon): a step has
 * one task's loss only, so per-task gradients of the same batch do not exist. There the runtime accepts
 * only loss-level methods that learn no parameters and need no second pass (equal, DWA, RLW): it calls
 * {@link #combine} with the batch's task loss in its place and zeros for the other tasks, so the step
 * trains that task's loss scaled by its current weight ({@link #onEpochEnd} still gets each task's mean
 * loss over its own steps). Methods that override {@link #backward}, learn {@link #parameters()}
 * (uncertainty: the zero losses would drag the other tasks' log-variances), use representation gradients
 * or want the losses after the update are refused when the run is resolved, naming the ones that work.
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

    /**
     * The method's state between steps, for checkpoints and exact resume ({@code mtan train --resume}):
     * loss histories, moving averages, step counters, anything {@link #restoreState} needs so that a
     * restored instance behaves exactly as this one from here on. Learned parameters
     * ({@link #parameters()}) are saved with the model and are not part of it. Keys are the method's
     * own; values are copied. Empty by default (stateless methods).
     */
    default Map<String, double[]> state() {
        return Map.of();
    }

    /**
     * Restores what {@link #state()} returned, on a fresh instance created with the same options and
     * tasks, before the first step.
     *
     * @throws IllegalArgumentException when a key is missing or an array has the wrong length
     */
    default void restoreState(Map<String, double[]> state) {
    }
}
