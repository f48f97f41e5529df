package org.mtan4j.plugins.segnet.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import java.util.Map;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * The split backbone (models.md, "Variants", split; and single): one {@link SegNetTrunk} shared by
 * all tasks; every task receives the same final decoder map {@code D[4]} (the same {@link NDArray},
 * repeated once per task), so every parameter is shared. With one task and one-task naming this is
 * the reference's single-task SegNet; with a deep or wide trunk, split-deep and split-wide.
 *
 * <p>The block's DJL parameters are the trunk's under the child name {@code trunk}; use
 * {@link #stateDictEntries()} for the reference's PyTorch names (the reference's {@code logsigma}
 * belongs to the uncertainty weighting and the {@code pred_task<i>} heads to
 * {@link org.mtan4j.plugins.segnet.head.SegNetHead}).
 */
public final class SplitBackbone extends AbstractSegNetBackbone {

    private final SegNetTrunk trunk;

    /**
     * A split backbone over {@code trunk} for {@code taskCount} tasks, heads named {@code pred_task<i>.}.
     *
     * @throws IllegalArgumentException if {@code taskCount} is not positive
     */
    public SplitBackbone(SegNetTrunk trunk, int taskCount) {
        this(trunk, taskCount, false);
    }

    /**
     * A split backbone.
     *
     * @param oneTaskNames name the head {@code pred_task.} as the reference's single-task SegNet
     *     (needs {@code taskCount == 1})
     * @throws IllegalArgumentException if {@code taskCount} is not positive, or not 1 with one-task names
     */
    public SplitBackbone(SegNetTrunk trunk, int taskCount, boolean oneTaskNames) {
        super(new SharedOutputBlock(trunk, taskCount), oneTaskNames);
        this.trunk = trunk;
    }

    /** The shared encoder-decoder. */
    public SegNetTrunk trunk() {
        return trunk;
    }

    /** Runs the trunk once and hands its output to every task. */
    private static final class SharedOutputBlock extends MultiTaskBlock {

        private final SegNetTrunk trunk;

        SharedOutputBlock(SegNetTrunk trunk, int taskCount) {
            super(trunk.inChannels(), trunk.outChannels(), taskCount);
            this.trunk = addChildBlock("trunk", trunk);
        }

        @Override
        protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDArray features = trunk.forward(parameterStore, inputs, training, params).singletonOrThrow();
            NDList out = new NDList(taskCount);
            for (int i = 0; i < taskCount; i++) {
                out.add(features);
            }
            return out;
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            trunk.initialize(manager, dataType, inputShapes);
        }

        /** Every task reads the one map: everything is shared. */
        @Override
        List<Parameter> usedBySeveralTasks() {
            return getParameters().values();
        }

        @Override
        public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
            trunk.putStateDictEntries(prefix, into);
        }

        @Override
        public String toString() {
            return "SplitBackbone(" + trunk + ", " + taskCount + " tasks)";
        }
    }
}
