package org.mtan4j.plugins.resnetmtan;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mtan4j.api.TaskHead;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.resnetmtan.nn.StateDictNamed;

/**
 * A DeepLabv3 task head ({@link DeepLabHeadBlock}) with the loss of its task's kind (models.md,
 * Losses): semantic NLL ignoring {@code task.ignoreValue()}, masked depth L1, 1 - masked cosine for
 * normals. PyTorch names via {@link #putStateDictEntries} with {@code decoders.<i>.}.
 */
public final class DeepLabHead implements TaskHead, StateDictNamed {

    private final TaskSpec task;
    private final DeepLabHeadBlock block;

    DeepLabHead(TaskSpec task, DeepLabHeadBlock block) {
        this.task = task;
        this.block = block;
    }

    @Override
    public TaskSpec task() {
        return task;
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public NDArray loss(NDArray prediction, NDArray target) {
        switch (task.kind()) {
            case SEGMENTATION:
                return DenseLosses.semanticNll(prediction, target, task.ignoreValue());
            case DEPTH:
                return DenseLosses.depthL1(prediction, target, task.ignoreValue());
            case NORMAL:
                return DenseLosses.normalCosine(prediction, target);
            default:
                throw new IllegalStateException("unsupported kind " + task.kind());
        }
    }

    /**
     * The head's parameters and BatchNorm statistics under the reference's names, prefixed with
     * {@code prefix} (the backbone's {@code headPrefix}), in PyTorch's order.
     */
    @Override
    public Map<String, Parameter> stateDictEntries(String prefix) {
        Map<String, Parameter> entries = new LinkedHashMap<>();
        block.putStateDictEntries(prefix, entries);
        return entries;
    }

    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        block.putStateDictEntries(prefix, into);
    }
}
