package org.mtan4j.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;

/**
 * An optimiser whose running state (moments, momentum buffers, step counts) a checkpoint holds, so
 * that a resumed run takes exactly the updates the uninterrupted one would have taken.
 *
 * <p>State is keyed by DJL parameter id, which changes from one process to the next: the checkpoint
 * maps ids to the model's parameter names and back. With several devices every copy of a parameter
 * has the same state (they receive the same reduced gradient), so one copy is saved and each device
 * gets its own copy back on restore.
 */
public interface ResumableOptimizer {

    /**
     * The state of every parameter updated so far: parameter id to slot name (e.g. {@code exp_avg}) to
     * a copy of its array, on {@code manager}.
     */
    Map<String, Map<String, NDArray>> state(NDManager manager);

    /**
     * Puts back one parameter's state, as {@link #state} returned it, before the first update.
     *
     * @param parameterId the parameter's id in this process
     * @param slots slot name to array; copied, so the caller may close them
     * @param owner holds the copies until each device's first update takes its own (the model's manager)
     * @throws IllegalArgumentException when a slot is missing or unknown (a shape that differs from the
     *     parameter's fails at the first update)
     */
    void restore(String parameterId, Map<String, NDArray> slots, NDManager owner);

    /** The learning rate of the next update. */
    float learningRate();

    /** Sets the learning rate (the schedule does, between epochs). */
    void setLearningRate(float learningRate);
}
