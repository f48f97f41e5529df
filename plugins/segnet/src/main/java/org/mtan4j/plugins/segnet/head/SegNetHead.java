package org.mtan4j.plugins.segnet.head;

import org.mtan4j.api.TaskSpec;
import org.mtan4j.blocks.head.DenseLosses;
import org.mtan4j.blocks.head.DenseTaskHead;
import org.mtan4j.blocks.head.OutputActivation;

/**
 * A SegNet task head: a {@link SegNetHeadBlock} with the activation and loss of the task's kind
 * (models.md, Prediction head and Losses).
 * <ul>
 *   <li>segmentation: {@code task.classes()} channels, log-softmax,
 *       {@link DenseLosses#semanticNll NLL} ignoring {@code task.ignoreValue()};</li>
 *   <li>depth: 1 channel, raw, {@link DenseLosses#depthL1 masked L1} over {@code t != task.ignoreValue()};</li>
 *   <li>normal: 3 channels, L2-normalised, {@link DenseLosses#normalCosine 1 - masked cosine}
 *       (the task's ignore value must be 0: unknown normals are all zero).</li>
 * </ul>
 * A batch with no valid pixel has loss 0, not NaN (see {@link DenseLosses}).
 *
 * <p>PyTorch names: {@link #putStateDictEntries} with the reference's prefix, {@code "pred_task1."}
 * for the first task of split or MTAN ({@code "pred_task."} in single / STAN).
 */
public final class SegNetHead extends DenseTaskHead<SegNetHeadBlock> {

    private SegNetHead(TaskSpec task, SegNetHeadBlock block) {
        super(task, block);
    }

    /**
     * The head for {@code task}, by its kind.
     *
     * @param featureChannels channels of the backbone's map for this task (64 in the paper)
     * @throws IllegalArgumentException for a classification task, a normal task whose ignore value is
     *     not 0, or non-positive {@code featureChannels}
     */
    public static SegNetHead of(TaskSpec task, int featureChannels) {
        if (featureChannels < 1) {
            throw new IllegalArgumentException("featureChannels must be positive, got " + featureChannels);
        }
        requirePerPixel(task);
        return new SegNetHead(task, new SegNetHeadBlock(featureChannels, task.outputChannels(), OutputActivation.of(task.kind())));
    }

    @Override
    public String toString() {
        return "SegNetHead(" + task().name() + ", " + block() + ")";
    }
}
