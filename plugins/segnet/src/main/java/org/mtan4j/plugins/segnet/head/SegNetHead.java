package org.mtan4j.plugins.segnet.head;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mtan4j.api.TaskHead;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.segnet.nn.StateDictNamed;

/**
 * A SegNet task head: a {@link SegNetHeadBlock} with the activation and loss of the task's kind
 * (models.md, Prediction head and Losses).
 * <ul>
 *   <li>segmentation: {@code task.classes()} channels, log-softmax,
 *       {@link SegNetLosses#semanticNll NLL} ignoring {@code task.ignoreValue()};</li>
 *   <li>depth: 1 channel, raw, {@link SegNetLosses#depthL1 masked L1} over {@code t != task.ignoreValue()};</li>
 *   <li>normal: 3 channels, L2-normalised, {@link SegNetLosses#normalCosine 1 - masked cosine}
 *       (the task's ignore value must be 0: unknown normals are all zero).</li>
 * </ul>
 * A batch with no valid pixel has loss 0, not NaN (see {@link SegNetLosses}).
 *
 * <p>PyTorch names: {@link #putStateDictEntries} with the reference's prefix, {@code "pred_task1."}
 * for the first task of split or MTAN ({@code "pred_task."} in single / STAN).
 */
public final class SegNetHead implements TaskHead, StateDictNamed {

    private final TaskSpec task;
    private final SegNetHeadBlock block;

    private SegNetHead(TaskSpec task, SegNetHeadBlock block) {
        this.task = task;
        this.block = block;
    }

    /**
     * The head for {@code task}, by its kind.
     *
     * @param featureChannels channels of the backbone's map for this task (64 in the paper)
     * @throws IllegalArgumentException for a classification task, a normal task whose ignore value is
     *     not 0, or non-positive {@code featureChannels}
     */
    public static SegNetHead of(TaskSpec task, int featureChannels) {
        Objects.requireNonNull(task, "task is null");
        if (featureChannels < 1) {
            throw new IllegalArgumentException("featureChannels must be positive, got " + featureChannels);
        }
        switch (task.kind()) {
            case SEGMENTATION:
                return new SegNetHead(task, new SegNetHeadBlock(featureChannels, task.outputChannels(), OutputActivation.LOG_SOFTMAX));
            case DEPTH:
                return new SegNetHead(task, new SegNetHeadBlock(featureChannels, 1, OutputActivation.IDENTITY));
            case NORMAL:
                if (task.ignoreValue() != 0) {
                    throw new IllegalArgumentException("task '" + task.name() + "': the normal loss marks unknown pixels by"
                            + " an all-zero target, so its ignore value must be 0, got " + task.ignoreValue());
                }
                return new SegNetHead(task, new SegNetHeadBlock(featureChannels, 3, OutputActivation.L2_NORMALIZE));
            default:
                throw new IllegalArgumentException("task '" + task.name() + "': SegNet heads predict per-pixel maps;"
                        + " kind " + task.kind().yamlName() + " is not supported");
        }
    }

    @Override
    public TaskSpec task() {
        return task;
    }

    @Override
    public SegNetHeadBlock block() {
        return block;
    }

    /**
     * The task's loss; see the class comment.
     *
     * @param prediction this head's output for the batch
     * @param target segmentation {@code (N, H, W)}, depth {@code (N, 1, H, W)}, normal {@code (N, 3, H, W)}
     */
    @Override
    public NDArray loss(NDArray prediction, NDArray target) {
        TaskKind kind = task.kind();
        switch (kind) {
            case SEGMENTATION:
                return SegNetLosses.semanticNll(prediction, target, task.ignoreValue());
            case DEPTH:
                return SegNetLosses.depthL1(prediction, target, task.ignoreValue());
            case NORMAL:
                return SegNetLosses.normalCosine(prediction, target);
            default:
                throw new IllegalStateException("unsupported kind " + kind);
        }
    }

    /** The two convolutions' weights and biases under {@code prefix}, e.g. {@code pred_task1.0.weight}. */
    @Override
    public Map<String, Parameter> stateDictEntries(String prefix) {
        Map<String, Parameter> entries = new LinkedHashMap<>();
        putStateDictEntries(prefix, entries);
        return entries;
    }

    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        block.putStateDictEntries(prefix, into);
    }

    @Override
    public String toString() {
        return "SegNetHead(" + task.name() + ", " + block + ")";
    }
}
