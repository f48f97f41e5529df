package org.mtan4j.testkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;

/** Random predictions and targets in the layouts the API documents per task kind. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A small task of {@code kind}: segmentation and classification with 5 classes. */
    public static TaskSpec taskOf(TaskKind kind) {
        switch (kind) {
            case SEGMENTATION:
                return TaskSpec.segmentation("semantic", 5);
            case DEPTH:
                return TaskSpec.depth("depth");
            case NORMAL:
                return TaskSpec.normal("normal");
            default:
                return TaskSpec.classification("class", 5);
        }
    }

    /**
     * A prediction: log-probabilities {@code (N, C, H, W)} for segmentation, {@code (N, C)} for
     * classification, positive depth {@code (N, 1, H, W)}, unit normals {@code (N, 3, H, W)}.
     */
    public static NDArray prediction(NDManager manager, TaskSpec task, int n, int height, int width) {
        switch (task.kind()) {
            case SEGMENTATION:
                return manager.randomNormal(new Shape(n, task.classes(), height, width)).logSoftmax(1);
            case CLASSIFICATION:
                return manager.randomNormal(new Shape(n, task.classes())).logSoftmax(1);
            case DEPTH:
                return manager.randomUniform(0.5f, 5f, new Shape(n, 1, height, width));
            case NORMAL:
                NDArray raw = manager.randomNormal(new Shape(n, 3, height, width));
                return raw.div(raw.square().sum(new int[] {1}, true).sqrt());
            default:
                throw new IllegalArgumentException(task.kind().toString());
        }
    }

    /**
     * A prediction that is exactly right for {@code target} (in the layout of
     * {@link #prediction}): near-certain log-probabilities at the target class, the target depth,
     * the target normals.
     */
    public static NDArray perfectPrediction(TaskSpec task, NDArray target) {
        switch (task.kind()) {
            case SEGMENTATION: {
                NDArray classes = target.clip(0, task.classes() - 1).toType(DataType.INT32, false);
                return classes.oneHot(task.classes()).transpose(0, 3, 1, 2).mul(30f).logSoftmax(1);
            }
            case CLASSIFICATION: {
                NDArray classes = target.clip(0, task.classes() - 1).toType(DataType.INT32, false);
                return classes.oneHot(task.classes()).mul(30f).logSoftmax(1);
            }
            default:
                return target.duplicate();
        }
    }

    /**
     * A target with about a fifth of its entries marked unknown: segmentation {@code (N, H, W)} float
     * class indices or the ignore value; classification {@code (N)}; depth {@code (N, 1, H, W)} with 0
     * as unknown; normals {@code (N, 3, H, W)} unit or all-zero.
     */
    public static NDArray target(NDManager manager, TaskSpec task, int n, int height, int width) {
        Shape plane = new Shape(n, 1, height, width);
        NDArray valid = manager.randomUniform(0f, 1f, plane).gt(0.2f).toType(DataType.FLOAT32, false);
        switch (task.kind()) {
            case SEGMENTATION: {
                NDArray classes = manager.randomInteger(0, task.classes(), plane, DataType.INT32).toType(DataType.FLOAT32, false);
                NDArray labels = classes.mul(valid).add(valid.neg().add(1).mul(task.ignoreValue()));
                return labels.squeeze(1);
            }
            case CLASSIFICATION:
                return manager.randomInteger(0, task.classes(), new Shape(n), DataType.INT32).toType(DataType.FLOAT32, false);
            case DEPTH:
                return manager.randomUniform(0.5f, 5f, plane).mul(valid);
            case NORMAL: {
                NDArray raw = manager.randomNormal(new Shape(n, 3, height, width));
                return raw.div(raw.square().sum(new int[] {1}, true).sqrt()).mul(valid);
            }
            default:
                throw new IllegalArgumentException(task.kind().toString());
        }
    }
}
