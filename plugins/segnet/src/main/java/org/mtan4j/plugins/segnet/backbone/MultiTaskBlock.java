package org.mtan4j.plugins.segnet.backbone;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import java.util.Arrays;
import java.util.List;
import org.mtan4j.blocks.ConvUnit;
import org.mtan4j.blocks.Layers;
import org.mtan4j.blocks.StateDictNamed;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * Common ground of the SegNet backbones' blocks: input {@code (N, C, H, W)} with H and W multiples
 * of 32, output one {@code (N, outChannels, H, W)} feature map per task. Subclasses name their
 * parameters as the reference ({@link StateDictNamed}) and say which ones several tasks use.
 */
abstract class MultiTaskBlock extends AbstractBlock implements StateDictNamed {

    private static final byte VERSION = 1;

    /** Image channels. */
    protected final int inChannels;
    /** Channels of each task's feature map. */
    protected final int outChannels;
    /** Number of tasks (feature maps). */
    protected final int taskCount;

    MultiTaskBlock(int inChannels, int outChannels, int taskCount) {
        super(VERSION);
        if (taskCount < 1) {
            throw new IllegalArgumentException("taskCount must be positive, got " + taskCount);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.taskCount = taskCount;
    }

    /**
     * The parameters (trainable or not; the caller filters) whose value reaches more than one task's
     * output, or, with a single task, every parameter that task uses.
     */
    abstract List<Parameter> usedBySeveralTasks();

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out = new Shape[taskCount];
        Arrays.fill(out, Layers.withChannels(checkInput(inputShapes[0]), outChannels));
        return out;
    }

    /** Checks an image batch shape and returns it (see {@link SegNetTrunk}). */
    protected Shape checkInput(Shape in) {
        return SegNetTrunk.checkImages(in, inChannels);
    }

    /**
     * Initialises per-task columns of conv units, {@code [task][level]}, each unit for its level's
     * resolution of the image batch {@code in}, task by task.
     */
    protected static void initializeColumns(NDManager manager, DataType dataType, Shape in, List<List<ConvUnit>> columns) {
        for (List<ConvUnit> units : columns) {
            for (int level = 0; level < units.size(); level++) {
                units.get(level).initialize(manager, dataType, atLevel(in, units.get(level).inChannels(), level));
            }
        }
    }

    /** The shape {@code (N, channels, H / 2^level, W / 2^level)} of an image batch {@code in}. */
    protected static Shape atLevel(Shape in, long channels, int level) {
        return new Shape(in.get(0), channels, in.get(2) >> level, in.get(3) >> level);
    }
}
