package org.mtan4j.plugins.segnet.backbone;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the SegNet backbones have in common: a block with one {@code f0}-channel map per task, the
 * reference's PyTorch names, the head prefixes and the shared-parameter rule.
 */
public abstract class AbstractSegNetBackbone implements SegNetBackbone {

    private final MultiTaskBlock block;
    private final boolean oneTaskNames;

    /**
     * A backbone over {@code block}.
     *
     * @param block the network
     * @param oneTaskNames whether heads are named as in the reference's one-task models
     *     ({@code pred_task.}) rather than {@code pred_task<i>.}
     */
    AbstractSegNetBackbone(MultiTaskBlock block, boolean oneTaskNames) {
        this.block = block;
        this.oneTaskNames = oneTaskNames;
        if (oneTaskNames && block.taskCount != 1) {
            throw new IllegalArgumentException("one-task naming needs one task, got " + block.taskCount);
        }
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public int taskCount() {
        return block.taskCount;
    }

    @Override
    public int featureChannels(int taskIndex) {
        if (taskIndex < 0 || taskIndex >= block.taskCount) {
            throw new IndexOutOfBoundsException("task " + taskIndex + " of " + block.taskCount);
        }
        return block.outChannels;
    }

    /**
     * The trainable parameters whose value reaches several tasks' outputs (with one task: all that
     * task uses); BatchNorm running statistics are left out, they have no gradient to combine.
     */
    @Override
    public List<Parameter> sharedParameters() {
        return block.usedBySeveralTasks().stream().filter(Parameter::requiresGradient).toList();
    }

    @Override
    public Map<String, Parameter> stateDictEntries() {
        Map<String, Parameter> entries = new LinkedHashMap<>();
        block.putStateDictEntries("", entries);
        return entries;
    }

    @Override
    public String headPrefix(int taskIndex) {
        featureChannels(taskIndex); // range check
        return oneTaskNames ? "pred_task." : "pred_task" + (taskIndex + 1) + ".";
    }

    @Override
    public String toString() {
        return block.toString();
    }
}
