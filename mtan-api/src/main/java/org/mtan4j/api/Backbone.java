package org.mtan4j.api;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * A multi-task architecture: turns a batch of images into one feature map per task.
 *
 * <p>{@link #block()}'s forward takes {@code NDList(image)} with the image {@code (N, C, H, W)} and
 * returns an {@code NDList} with one feature map per task, in the order of the run's tasks (a split
 * network returns the same shared map for every task; MTAN returns each task's attended features).
 */
public interface Backbone {

    /**
     * The network; built but not yet initialised (the runtime initialises it). Its parameters carry
     * their own initialisers (the paper's Xavier-normal, say): the runtime never replaces them.
     */
    Block block();

    /** Channels of the feature map handed to task {@code taskIndex}'s head. */
    int featureChannels(int taskIndex);

    /**
     * The parameters every task's loss depends on, e.g. a split network's whole encoder-decoder;
     * gradient-level weightings combine per-task gradients of exactly these. Each element is one of
     * {@code block().getParameters()}; the rest are task-specific. Only trainable parameters are listed
     * (BatchNorm running statistics are not).
     */
    List<Parameter> sharedParameters();
}
