package org.mtan4j.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import java.util.Random;

/**
 * What the runtime offers a {@link Weighting} during one training step.
 *
 * <p>Loss-level methods only need {@link #backward}. Gradient-level methods (PCGrad, MGDA, ...) call
 * {@link #taskGradients} once, combine the gradients, and hand the result to {@link #setSharedGradient}:
 * <pre>{@code
 * List<NDArray> g = context.taskGradients(losses);   // one flattened vector per task
 * context.setSharedGradient(g.get(0).add(g.get(1))); // what the optimiser will apply
 * }</pre>
 * Only methods that call them pay for the extra backward passes. New methods are added with defaults,
 * so existing weightings and contexts keep compiling.
 */
public interface WeightingContext {

    /** The run's tasks, in loss order. */
    List<TaskSpec> tasks();

    /** The current epoch, from 0. */
    int epoch();

    /** The global training step, from 0. */
    long step();

    /** A generator seeded from the run's seed, for methods that sample (e.g. random loss weights). */
    Random random();

    /**
     * Back-propagates {@code loss}, accumulating into every parameter's gradient. The runtime starts
     * each step with zero gradients (its optimiser zeroes them after each update).
     */
    void backward(NDArray loss);

    /**
     * Whether {@link #taskGradients} and {@link #setSharedGradient} are available. Contexts that
     * cannot back-propagate while keeping the graph answer {@code false} (the default).
     */
    default boolean offersTaskGradients() {
        return false;
    }

    /**
     * Each task's gradient with respect to the backbone's shared parameters, flattened and
     * concatenated in {@link Backbone#sharedParameters()} order: one 1-d float array per task, in
     * task order, valid until the end of the step. It costs one backward pass per task (the graph is
     * kept, as PyTorch's {@code retain_graph}, so {@link #backward} may still be called afterwards).
     *
     * <p>Side effects, as in LibMTL's {@code _compute_grad}: every parameter that is not shared
     * (heads, the weighting's own parameters) ends up holding the sum of all the tasks' gradients, i.e.
     * each task-specific parameter its own task's gradient; the shared parameters' gradients are left
     * at zero until {@link #setSharedGradient} writes the combined one. Call it at most once per step.
     *
     * @param taskLosses one scalar loss per task (possibly rescaled by the weighting), in task order
     * @throws UnsupportedOperationException when {@link #offersTaskGradients()} is {@code false}
     */
    default List<NDArray> taskGradients(NDList taskLosses) {
        throw new UnsupportedOperationException("this context offers no per-task gradients");
    }

    /**
     * Writes {@code combined}, laid out as the vectors of {@link #taskGradients}, as the gradient of
     * the shared parameters (replacing what they hold); the optimiser applies it at the end of the
     * step.
     *
     * @throws UnsupportedOperationException when {@link #offersTaskGradients()} is {@code false}
     * @throws IllegalArgumentException when {@code combined} has the wrong size
     */
    default void setSharedGradient(NDArray combined) {
        throw new UnsupportedOperationException("this context offers no per-task gradients");
    }

    /**
     * Whether the representation methods below are available: only when the weighting asked for them
     * with {@link Weighting#usesRepresentationGradients()} (the runtime then cuts the graph between the
     * backbone and the heads) and the context supports it. {@code false} by default.
     */
    default boolean offersRepresentationGradients() {
        return false;
    }

    /**
     * The representations {@code Z_k} handed to the heads in this step (LibMTL's {@code rep}), one per
     * task in task order, without gradient; a split network hands every task the same values.
     *
     * @throws UnsupportedOperationException when {@link #offersRepresentationGradients()} is {@code false}
     */
    default NDList representations() {
        throw new UnsupportedOperationException("this context offers no representation gradients");
    }

    /**
     * Each task's gradient with respect to its representation, {@code dL_k / dZ_k}, shaped as {@code Z_k}
     * (per sample), as LibMTL's {@code _compute_grad(..., rep_grad=True)}. One backward pass per task
     * through its head only; the task-specific parameters accumulate their task's gradient, the backbone
     * gets nothing until {@link #backwardRepresentations}. Call it at most once per step.
     *
     * @param taskLosses one scalar loss per task, in task order
     * @throws UnsupportedOperationException when {@link #offersRepresentationGradients()} is {@code false}
     */
    default List<NDArray> representationGradients(NDList taskLosses) {
        throw new UnsupportedOperationException("this context offers no representation gradients");
    }

    /**
     * Back-propagates {@code gradients.get(k)} (shaped as {@code Z_k}) from each task's representation
     * into the backbone; where tasks share one representation (a split network) their gradients add up.
     *
     * @throws UnsupportedOperationException when {@link #offersRepresentationGradients()} is {@code false}
     */
    default void backwardRepresentations(List<NDArray> gradients) {
        throw new UnsupportedOperationException("this context offers no representation gradients");
    }
}
