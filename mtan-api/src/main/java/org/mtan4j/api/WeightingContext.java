package org.mtan4j.api;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Random;

/**
 * What the runtime offers a {@link Weighting} during one training step.
 *
 * <p>It may gain methods with defaults (per-task gradients of the shared parameters) without
 * breaking existing weightings.
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
}
