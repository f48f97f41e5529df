package org.mtan4j.plugins.wrnmtan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.blocks.head.NamedTaskHead;

/**
 * A classification head ({@link LinearHeadBlock}) with the reference's loss (models.md, WRN-MTAN):
 * per sample {@code -sum(onehot * log(p + 1e-20))}, which is minus the head's output at the target
 * class, averaged over the batch ({@code torch.mean} in the reference). Samples whose target is the
 * task's ignore value are left out of the mean (the reference has none); a batch of only those
 * gives 0.
 */
public final class LinearHead extends NamedTaskHead<LinearHeadBlock> {

    LinearHead(TaskSpec task, LinearHeadBlock block) {
        super(task, block);
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
        NDArray valid = t.neq((float) task().ignoreValue());
        NDArray zero = t.getManager().zeros(new Shape(), DataType.FLOAT32);
        NDArray labels = NDArrays.where(valid, t, zero).toType(DataType.INT64, false).expandDims(1);
        NDArray perSample = prediction.gather(labels, 1).squeeze(1).neg();
        NDArray total = NDArrays.where(valid, perSample, prediction.getManager().zeros(new Shape(), prediction.getDataType())).sum();
        return total.div(valid.sum().toType(total.getDataType(), false).maximum(1f));
    }
}
