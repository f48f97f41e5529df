package org.mtan4j.blocks.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The paper's NYUv2 training losses (models.md, "Losses, metrics, training"), each a scalar
 * averaged over the batch's valid pixels; the SegNet heads and ResNet-MTAN's DeepLab heads use them
 * (CityScapes' semantic and depth tasks too).
 *
 * <p>Two deliberate departures, both invisible on ordinary batches:
 * <ul>
 *   <li>A batch without a single valid pixel has loss 0 (and zero gradient) instead of the
 *       reference's 0/0 = NaN, which would poison the weights through the optimiser.</li>
 *   <li>Invalid pixels are excluded by selection rather than by multiplying with a 0/1 mask, so a
 *       non-finite prediction at an ignored pixel cannot turn the loss into NaN. For finite
 *       predictions the value is the reference's.</li>
 * </ul>
 */
public final class DenseLosses {

    private DenseLosses() {
    }

    /**
     * Semantic segmentation: negative log-likelihood of the target class, averaged over the pixels
     * whose target is not {@code ignoreValue} ({@code nll_loss(..., ignore_index=-1)} in the reference).
     *
     * @param logProbabilities {@code (N, C, H, W)} log-softmax output
     * @param target {@code (N, H, W)} float class indices in {@code [0, C)} or {@code ignoreValue};
     *     an index outside that range fails in the engine, as in PyTorch
     * @param ignoreValue the label of unlabelled pixels (-1 for NYUv2)
     */
    public static NDArray semanticNll(NDArray logProbabilities, NDArray target, float ignoreValue) {
        Shape p = logProbabilities.getShape();
        Shape t = target.getShape();
        if (p.dimension() != 4 || t.dimension() != 3 || p.get(0) != t.get(0) || p.get(2) != t.get(1) || p.get(3) != t.get(2)) {
            throw new IllegalArgumentException("semantic loss needs prediction (N, C, H, W) and target (N, H, W), got "
                    + p + " and " + t);
        }
        NDArray valid = target.neq(ignoreValue);
        NDArray zero = target.getManager().zeros(new Shape(), target.getDataType());
        // Ignored pixels read class 0 (any valid index) and are dropped below.
        NDArray labels = NDArrays.where(valid, target, zero).toType(DataType.INT64, false).expandDims(1);
        NDArray picked = logProbabilities.gather(labels, 1).squeeze(1);
        // Negate before summing: an empty sum is then +0, not -0.
        NDArray total = sumWhere(valid, picked.neg());
        return total.div(clampedCount(valid, total));
    }

    /**
     * Depth: {@code sum |p - t|} over the pixels with {@code t != ignoreValue}, divided by their count
     * (the reference's masked L1, where the ignore value is 0).
     *
     * @param prediction {@code (N, 1, H, W)}
     * @param target {@code (N, 1, H, W)}, {@code ignoreValue} where unknown
     */
    public static NDArray depthL1(NDArray prediction, NDArray target, float ignoreValue) {
        requireSameShape("depth", prediction, target);
        NDArray valid = target.neq(ignoreValue);
        NDArray total = sumWhere(valid, prediction.sub(target).abs());
        return total.div(clampedCount(valid, total));
    }

    /**
     * Surface normals: {@code 1 - sum(p . t) / count} with the dot product over channels and the sum
     * over valid pixels, valid where the target's channel sum is not 0 (the reference's rule; an
     * all-zero target marks an unknown pixel).
     *
     * @param prediction {@code (N, 3, H, W)} unit normals
     * @param target {@code (N, 3, H, W)} unit normals, all zero where unknown
     */
    public static NDArray normalCosine(NDArray prediction, NDArray target) {
        requireSameShape("normal", prediction, target);
        NDArray valid = target.sum(new int[] {1}, true).neq(0f);
        NDArray dot = prediction.mul(target).sum(new int[] {1}, true);
        NDArray total = sumWhere(valid, dot);
        NDArray count = valid.sum().toType(total.getDataType(), false);
        // (1 - sum / max(count, 1)) * min(count, 1): the reference's value, or 0 without valid pixels.
        return total.div(count.maximum(1f)).neg().add(1f).mul(count.minimum(1f));
    }

    /** Sum of {@code values} where {@code valid}, selecting rather than multiplying. */
    private static NDArray sumWhere(NDArray valid, NDArray values) {
        NDArray zero = values.getManager().zeros(new Shape(), values.getDataType());
        return NDArrays.where(valid, values, zero).sum();
    }

    /** The number of valid entries, at least 1, in {@code like}'s type. */
    private static NDArray clampedCount(NDArray valid, NDArray like) {
        return valid.sum().toType(like.getDataType(), false).maximum(1f);
    }

    private static void requireSameShape(String task, NDArray prediction, NDArray target) {
        Shape p = prediction.getShape();
        if (p.dimension() != 4 || !p.equals(target.getShape())) {
            throw new IllegalArgumentException(task + " loss needs prediction and target of one shape (N, C, H, W), got "
                    + p + " and " + target.getShape());
        }
    }
}
