package org.mtan4j.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;

/**
 * A multi-task architecture: turns a batch of images into one feature map per task.
 *
 * <p>{@link #block()}'s forward takes {@code NDList(image)} with the image {@code (N, C, H, W)} and
 * returns an {@code NDList} with one feature map per task, in the order of the run's tasks (a split
 * network returns the same shared map for every task; MTAN returns each task's attended features).
 */
public interface Backbone {

    /**
     * The network; built but not yet initialised (the runtime initialises it). Its parameters carry
     * their own initialisers (the paper's Xavier-normal, say): the runtime never replaces them.
     */
    Block block();

    /** Channels of the feature map handed to task {@code taskIndex}'s head. */
    int featureChannels(int taskIndex);

    /**
     * The parameters every task's loss depends on, e.g. a split network's whole encoder-decoder;
     * gradient-level weightings combine per-task gradients of exactly these. Each element is one of
     * {@code block().getParameters()}; the rest are task-specific. Only trainable parameters are listed
     * (BatchNorm running statistics are not).
     */
    List<Parameter> sharedParameters();

    /**
     * Optional PyTorch naming, for weight import and export ({@code mtan import-weights},
     * {@code mtan export-weights}): the block's parameters under the names of the reference
     * implementation's {@code state_dict}, in its order (PyTorch's registration order).
     *
     * <p>Every parameter of {@link #block()} should appear exactly once: trainable ones under their
     * parameter names, BatchNorm running statistics under their buffer names ({@code running_mean},
     * {@code running_var}; PyTorch's {@code num_batches_tracked} has no DJL counterpart and is left out).
     * Shapes must equal the reference's. Heads are named by the heads themselves under
     * {@link #headPrefix(int)}.
     *
     * @return name to parameter, ordered; empty (the default) when the backbone has no reference names,
     *     in which case its weights cannot be imported or exported
     */
    default Map<String, Parameter> stateDictEntries() {
        return Map.of();
    }

    /**
     * The module prefix, ending with a dot, under which task {@code taskIndex}'s head sits in the
     * reference's {@code state_dict} (SegNet: {@code "pred_task1."}); passed to
     * {@link TaskHead#stateDictEntries(String)}. The default, {@code "heads.<taskIndex>."}, is what a
     * PyTorch {@code ModuleList} named {@code heads} would give; it is only used when the backbone also
     * declares {@link #stateDictEntries()}.
     *
     * @throws IndexOutOfBoundsException (implementations may) when there is no such task
     */
    default String headPrefix(int taskIndex) {
        return "heads." + taskIndex + ".";
    }

    /**
     * The features of task {@code taskIndex} alone, for many-to-many training where a batch carries
     * one task's images (the Visual Decathlon: one dataset per task). The default runs the whole
     * {@link #block()} and keeps that task's map; a backbone whose tasks have their own branches
     * (WRN-MTAN's attention) overrides it to compute only the shared trunk and that branch.
     *
     * @param store the parameter store of the pass
     * @param image the batch {@code (N, C, H, W)}
     * @param training whether this is a training pass
     * @param taskIndex the task, in the run's order
     */
    default NDArray forwardTask(ParameterStore store, NDArray image, boolean training, int taskIndex) {
        return block().forward(store, new NDList(image), training).get(taskIndex);
    }

    /**
     * Called by the runtime before each training epoch, the one a resumed run continues in included,
     * for backbones whose training depends on how far it has come (LTB's Gumbel-softmax temperature
     * and warm-up). Whatever such a backbone derives must be a function of these two numbers alone, so
     * that a resumed run trains exactly as the uninterrupted one. Nothing by default.
     *
     * @param epoch the epoch about to start, from 0
     * @param epochs the run's number of epochs
     */
    default void onEpochStart(int epoch, int epochs) {
    }

    /**
     * Optional: the shared trunk's parameters under the names of the pretrained network the reference
     * starts from (torchvision's {@code resnet50} for ResNet-MTAN), for importing pretrained weights
     * into the trunk alone ({@code mtan import-weights --only trunk}). Ordered as that network's
     * {@code state_dict}; BatchNorm running statistics included under their buffer names.
     *
     * @return name to parameter; empty (the default) when the backbone has no pretrained trunk
     */
    default Map<String, Parameter> trunkStateDictEntries() {
        return Map.of();
    }
}
