package org.mtan4j.plugins.wrnmtan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mtan4j.api.TaskHead;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.wrnmtan.nn.StateDictNamed;

/**
 * A classification head ({@link LinearHeadBlock}) with the reference's loss (models.md, WRN-MTAN):
 * per sample {@code -sum(onehot * log(p + 1e-20))}, which is minus the head's output at the target
 * class, averaged over the batch ({@code torch.mean} in the reference). Samples whose target is the
 * task's ignore value are left out of the mean (the reference has none); a batch of only those
 * gives 0.
 */
public final class LinearHead implements TaskHead, StateDictNamed {

    private final TaskSpec task;
    private final LinearHeadBlock block;

    LinearHead(TaskSpec task, LinearHeadBlock block) {
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

    /**
     * The loss.
     *
     * @param prediction {@code (N, classes)}: this head's output, {@code log(softmax + 1e-20)}
     * @param target {@code (N)} class indices (any numeric type) or the ignore value
     */
    @Override
    public NDArray loss(NDArray prediction, NDArray target) {
        Shape p = prediction.getShape();
        if (p.dimension() != 2 || target.getShape().dimension() != 1 || target.getShape().get(0) != p.get(0)) {
            throw new IllegalArgumentException("classification loss needs prediction (N, C) and target (N), got " + p
                    + " and " + target.getShape());
        }
        NDArray t = target.toType(DataType.FLOAT32, false);
        NDArray valid = t.neq((float) task.ignoreValue());
        NDArray zero = t.getManager().zeros(new Shape(), DataType.FLOAT32);
        NDArray labels = NDArrays.where(valid, t, zero).toType(DataType.INT64, false).expandDims(1);
        NDArray perSample = prediction.gather(labels, 1).squeeze(1).neg();
        NDArray total = NDArrays.where(valid, perSample, prediction.getManager().zeros(new Shape(), prediction.getDataType())).sum();
        return total.div(valid.sum().toType(total.getDataType(), false).maximum(1f));
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
