package org.mtan4j.api;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.Map;

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

    /**
     * Optional PyTorch naming, for weight import and export: the head's parameters under their
     * reference {@code state_dict} names, each prefixed with {@code prefix}, in PyTorch's order; the
     * same rules as {@link Backbone#stateDictEntries()}.
     *
     * @param prefix the module path ending with a dot, from {@link Backbone#headPrefix(int)}
     * @return name to parameter, ordered; empty (the default) when the head has no reference names
     */
    default Map<String, Parameter> stateDictEntries(String prefix) {
        return Map.of();
    }
}
