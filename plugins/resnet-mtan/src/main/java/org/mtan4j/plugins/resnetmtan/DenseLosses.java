package org.mtan4j.plugins.resnetmtan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The NYUv2 losses of the paper (models.md, "Losses"), the same as the SegNet heads': each a scalar
 * averaged over the batch's valid pixels. Invalid pixels are dropped by selection (a non-finite value
 * there cannot leak in), and a batch without valid pixels gives 0 instead of the reference's 0/0.
 */
public final class DenseLosses {

    private DenseLosses() {
    }

    /**
     * Semantic: NLL of the target class over pixels whose target is not {@code ignoreValue}.
     *
     * @param logProbabilities {@code (N, C, H, W)}
     * @param target {@code (N, H, W)} class indices or {@code ignoreValue}
     */
    public static NDArray semanticNll(NDArray logProbabilities, NDArray target, float ignoreValue) {
        Shape p = logProbabilities.getShape();
        Shape t = target.getShape();
        if (p.dimension() != 4 || t.dimension() != 3 || p.get(0) != t.get(0) || p.get(2) != t.get(1) || p.get(3) != t.get(2)) {
            throw new IllegalArgumentException("semantic loss needs prediction (N, C, H, W) and target (N, H, W), got " + p + " and " + t);
        }
        NDArray valid = target.neq(ignoreValue);
        NDArray zero = target.getManager().zeros(new Shape(), target.getDataType());
        NDArray labels = NDArrays.where(valid, target, zero).toType(DataType.INT64, false).expandDims(1);
        NDArray picked = logProbabilities.gather(labels, 1).squeeze(1);
        NDArray total = sumWhere(valid, picked.neg());
        return total.div(count(valid, total).maximum(1f));
    }

    /**
     * Depth: {@code sum |p - t|} over pixels with {@code t != ignoreValue}, divided by their count.
     *
     * @param prediction {@code (N, 1, H, W)}
     * @param target {@code (N, 1, H, W)}
     */
    public static NDArray depthL1(NDArray prediction, NDArray target, float ignoreValue) {
        sameShape("depth", prediction, target);
        NDArray valid = target.neq(ignoreValue);
        NDArray total = sumWhere(valid, prediction.sub(target).abs());
        return total.div(count(valid, total).maximum(1f));
    }

    /**
     * Normals: {@code 1 - sum(p . t) / count} over pixels whose target's channel sum is not 0.
     *
     * @param prediction {@code (N, 3, H, W)} unit normals
     * @param target {@code (N, 3, H, W)}, all zero where unknown
     */
    public static NDArray normalCosine(NDArray prediction, NDArray target) {
        sameShape("normal", prediction, target);
        NDArray valid = target.sum(new int[] {1}, true).neq(0f);
        NDArray total = sumWhere(valid, prediction.mul(target).sum(new int[] {1}, true));
        NDArray n = count(valid, total);
        return total.div(n.maximum(1f)).neg().add(1f).mul(n.minimum(1f));
    }

    private static NDArray sumWhere(NDArray valid, NDArray values) {
        NDArray zero = values.getManager().zeros(new Shape(), values.getDataType());
        return NDArrays.where(valid, values, zero).sum();
    }

    private static NDArray count(NDArray valid, NDArray like) {
        return valid.sum().toType(like.getDataType(), false);
    }

    private static void sameShape(String task, NDArray prediction, NDArray target) {
        if (prediction.getShape().dimension() != 4 || !prediction.getShape().equals(target.getShape())) {
            throw new IllegalArgumentException(task + " loss needs prediction and target of one shape (N, C, H, W), got "
                    + prediction.getShape() + " and " + target.getShape());
        }
    }
}
