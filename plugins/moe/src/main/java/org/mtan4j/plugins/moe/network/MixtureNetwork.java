package org.mtan4j.plugins.moe.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import java.util.Arrays;
import java.util.List;
import org.mtan4j.plugins.moe.encoder.StagedEncoder;

/**
 * Common ground of this plugin's networks: copies of one {@link StagedEncoder} combined per task, one
 * map per task of the encoder's output shape. Subclasses say which parameters several tasks' outputs
 * depend on.
 */
public abstract class MixtureNetwork extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int taskCount;
    private final String model;

    /**
     * A network.
     *
     * @param model its name, for messages
     * @param taskCount the number of tasks, positive
     */
    protected MixtureNetwork(String model, int taskCount) {
        super(VERSION);
        if (taskCount < 1) {
            throw new IllegalArgumentException("taskCount must be positive, got " + taskCount);
        }
        this.model = model;
        this.taskCount = taskCount;
    }

    /** The number of tasks. */
    public final int taskCount() {
        return taskCount;
    }

    /** One of the encoder copies (they are all alike). */
    protected abstract StagedEncoder anyEncoder();

    /** Channels of each task's map. */
    public final int outChannels() {
        return anyEncoder().outChannels();
    }

    /**
     * The parameters (trainable or not; the caller filters) whose value reaches more than one task's
     * output; with one task, every parameter.
     */
    public abstract List<Parameter> usedBySeveralTasks();

    /** See {@link org.mtan4j.api.Backbone#onEpochStart}; nothing by default. */
    public void onEpochStart(int epoch, int epochs) {
    }

    @Override
    public final Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out = new Shape[taskCount];
        Arrays.fill(out, anyEncoder().getOutputShapes(inputShapes)[0]);
        return out;
    }

    @Override
    public String toString() {
        return model + "(" + anyEncoder() + ", " + taskCount + " tasks)";
    }
}
