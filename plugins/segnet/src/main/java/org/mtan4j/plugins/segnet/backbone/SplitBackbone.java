package org.mtan4j.plugins.segnet.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mtan4j.api.Backbone;

/**
 * The split backbone (models.md, "Variants", split): one {@link SegNetTrunk} shared by all tasks;
 * every task receives the same final decoder map {@code D[4]} (the same {@link NDArray}, repeated
 * once per task), so every parameter is shared.
 *
 * <p>The block's DJL parameters are the trunk's under the child name {@code trunk}; use
 * {@link #stateDictEntries()} for the reference's PyTorch names (the reference's {@code logsigma}
 * belongs to the uncertainty weighting and the {@code pred_task<i>} heads to
 * {@link org.mtan4j.plugins.segnet.head.SegNetHead}).
 */
public final class SplitBackbone implements Backbone {

    private final SegNetTrunk trunk;
    private final SharedOutputBlock block;

    /**
     * A split backbone over {@code trunk} for {@code taskCount} tasks.
     *
     * @throws IllegalArgumentException if {@code taskCount} is not positive
     */
    public SplitBackbone(SegNetTrunk trunk, int taskCount) {
        if (taskCount < 1) {
            throw new IllegalArgumentException("taskCount must be positive, got " + taskCount);
        }
        this.trunk = trunk;
        this.block = new SharedOutputBlock(trunk, taskCount);
    }

    /** The shared encoder-decoder. */
    public SegNetTrunk trunk() {
        return trunk;
    }

    /** Number of feature maps the block returns. */
    public int taskCount() {
        return block.taskCount;
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public int featureChannels(int taskIndex) {
        if (taskIndex < 0 || taskIndex >= block.taskCount) {
            throw new IndexOutOfBoundsException("task " + taskIndex + " of " + block.taskCount);
        }
        return trunk.outChannels();
    }

    /**
     * Every trainable parameter of the block: every task reads the same map. BatchNorm running
     * statistics are left out; they are parameters in DJL but have no gradient to combine.
     */
    @Override
    public List<Parameter> sharedParameters() {
        return block.getParameters().values().stream().filter(Parameter::requiresGradient).toList();
    }

    /** The trunk's parameters and running statistics under the reference's PyTorch names; see {@link SegNetTrunk}. */
    public Map<String, Parameter> stateDictEntries() {
        return trunk.stateDictEntries();
    }

    /** Runs the trunk once and hands its output to every task. */
    private static final class SharedOutputBlock extends AbstractBlock {

        private static final byte VERSION = 1;

        private final SegNetTrunk trunk;
        private final int taskCount;

        SharedOutputBlock(SegNetTrunk trunk, int taskCount) {
            super(VERSION);
            this.trunk = addChildBlock("trunk", trunk);
            this.taskCount = taskCount;
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
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape features = trunk.getOutputShapes(inputShapes)[0];
            Shape[] out = new Shape[taskCount];
            Arrays.fill(out, features);
            return out;
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            trunk.initialize(manager, dataType, inputShapes);
        }

        @Override
        public String toString() {
            return "SplitBackbone(" + trunk + ", " + taskCount + " tasks)";
        }
    }
}
