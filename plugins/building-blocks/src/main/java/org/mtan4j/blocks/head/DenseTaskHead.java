package org.mtan4j.blocks.head;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.blocks.StateDictNamed;

/**
 * A per-pixel task head with the paper's NYUv2 loss of its task's kind ({@link DenseLosses}):
 * semantic NLL ignoring {@code task.ignoreValue()}, masked depth L1, 1 - masked cosine for normals.
 * The SegNet heads and ResNet-MTAN's DeepLab heads are such heads.
 *
 * @param <B> the head's network
 */
public class DenseTaskHead<B extends Block & StateDictNamed> extends NamedTaskHead<B> {

    /**
     * A head for a per-pixel task.
     *
     * @throws IllegalArgumentException see {@link #requirePerPixel}
     */
    protected DenseTaskHead(TaskSpec task, B block) {
        super(requirePerPixel(task), block);
    }

    /**
     * Checks that {@code task} has a per-pixel loss here: segmentation, depth, or normals whose ignore
     * value is 0 (the normal loss marks unknown pixels by an all-zero target).
     *
     * @return {@code task}
     * @throws IllegalArgumentException for a classification task or a normal task whose ignore value is not 0
     */
    public static TaskSpec requirePerPixel(TaskSpec task) {
        switch (task.kind()) {
            case SEGMENTATION:
            case DEPTH:
                return task;
            case NORMAL:
                if (task.ignoreValue() != 0) {
                    throw new IllegalArgumentException("task '" + task.name() + "': the normal loss marks unknown pixels by"
                            + " an all-zero target, so its ignore value must be 0, got " + task.ignoreValue());
                }
                return task;
            default:
                throw new IllegalArgumentException("task '" + task.name() + "': per-pixel heads predict segmentation, depth"
                        + " or normals; kind " + task.kind().yamlName() + " is not supported");
        }
    }

    /**
     * The task's loss.
     *
     * @param prediction this head's output for the batch
     * @param target segmentation {@code (N, H, W)}, depth {@code (N, 1, H, W)}, normal {@code (N, 3, H, W)}
     */
    @Override
    public NDArray loss(NDArray prediction, NDArray target) {
        TaskSpec task = task();
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
}
