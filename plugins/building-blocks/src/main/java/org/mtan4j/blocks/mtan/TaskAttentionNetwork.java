package org.mtan4j.blocks.mtan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.mtan4j.blocks.AttentionLayer;
import org.mtan4j.blocks.Layers;
import org.mtan4j.blocks.StateDictNamed;

/**
 * MTAN's attention over a shared classification-style trunk, the scaffolding ResNet-MTAN and WRN-MTAN
 * share (models.md, "ResNet-MTAN" and "WRN-MTAN"): the trunk runs once; then task {@code i}'s
 * attention path goes through the trunk's stages, at stage {@code s}
 * <pre>
 *   mask = attention[i][s](s == 0 ? maskInput[0] : concat(maskInput[s], a))   (shared map first)
 *   a    = mask * features[s]
 *   a    = shared[s](a)            if stage s has a shared block (the reference's encoder_block_att)
 *   a    = max_pool2d(a, 2, 2)     if the path halves its resolution after stage s
 * </pre>
 * and task {@code i} receives the last {@code a}, {@code (N, outChannels, H / outputStride, W /
 * outputStride)}. A subclass builds its trunk, says per stage which map the masks are computed from
 * and which they weight ({@link StageMaps}), and registers the attention layers and shared blocks in
 * its reference's order ({@link #addAttention}, {@link #addShared}); it also initialises them in its
 * order (the random draws follow it) and names them.
 *
 * <p>The whole forward computes every task's path; {@link #forwardTasks} computes only the given
 * tasks' paths (the Visual Decathlon's {@code forward(x, k)}), so no other task's attention
 * BatchNorm sees the batch.
 */
public abstract class TaskAttentionNetwork extends AbstractBlock implements StateDictNamed {

    private final String model;
    private final int inChannels;
    private final int taskCount;
    private final int stages;
    private final int outputStride;
    /** [task][stage]. */
    private final AttentionLayer[][] attention;
    /** [stage]; null where a stage has none. */
    private final Block[] shared;
    private final boolean[] poolAfter;

    /**
     * The network's frame; the subclass adds its trunk and attention modules.
     *
     * @param version the block's version (DJL's parameter files)
     * @param model the model's name, for messages
     * @param inChannels image channels
     * @param taskCount the number of attention paths, positive
     * @param stages the trunk's stages that carry attention
     * @param outputStride how much smaller the features are than the image; images must be multiples of it
     * @throws IllegalArgumentException if {@code taskCount} is not positive
     */
    protected TaskAttentionNetwork(byte version, String model, int inChannels, int taskCount, int stages, int outputStride) {
        super(version);
        if (taskCount < 1) {
            throw new IllegalArgumentException("taskCount must be positive, got " + taskCount);
        }
        this.model = model;
        this.inChannels = inChannels;
        this.taskCount = taskCount;
        this.stages = stages;
        this.outputStride = outputStride;
        this.attention = new AttentionLayer[taskCount][stages];
        this.shared = new Block[stages];
        this.poolAfter = new boolean[stages];
    }

    /**
     * What the trunk gives each stage's attention: {@code maskInputs[s]}, the map the masks are computed
     * from, and {@code features[s]}, the map they weight.
     */
    public record StageMaps(NDArray[] maskInputs, NDArray[] features) {
    }

    /** Runs the shared trunk on checked images. */
    protected abstract StageMaps trunk(ParameterStore ps, NDArray images, boolean training, PairList<String, Object> params);

    /** The trunk's parameters, in the order {@link #usedBySeveralTasks()} lists them. */
    protected abstract List<Parameter> trunkParameters();

    /** Channels of every task's features. */
    public abstract int outChannels();

    /** Registers task {@code task}'s attention layer of stage {@code stage} as a child named {@code name}. */
    protected final AttentionLayer addAttention(String name, int task, int stage, AttentionLayer layer) {
        attention[task][stage] = addChildBlock(name, layer);
        return layer;
    }

    /**
     * Registers the shared block every task's path goes through after stage {@code stage}'s attention.
     *
     * @param poolAfterwards whether the path then halves its resolution (2x2 max-pool, stride 2)
     */
    protected final <B extends Block> B addShared(String name, int stage, B block, boolean poolAfterwards) {
        shared[stage] = addChildBlock(name, block);
        poolAfter[stage] = poolAfterwards;
        return block;
    }

    /** Task {@code task}'s attention layer of stage {@code stage}. */
    protected final AttentionLayer attention(int task, int stage) {
        return attention[task][stage];
    }

    /** The shared block after stage {@code stage}, or null. */
    protected final Block shared(int stage) {
        return shared[stage];
    }

    /** The number of tasks. */
    public final int taskCount() {
        return taskCount;
    }

    @Override
    protected final NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        int[] all = new int[taskCount];
        Arrays.setAll(all, i -> i);
        return forwardTasks(ps, inputs.singletonOrThrow(), all, training, params);
    }

    /**
     * The shared trunk once, then the attention paths of the given tasks only.
     *
     * @param tasks task indices, in the order of the returned features
     * @throws IllegalArgumentException if the images do not fit (see {@link #checkImages})
     * @throws IndexOutOfBoundsException for a task index out of range
     */
    public final NDList forwardTasks(ParameterStore ps, NDArray images, int[] tasks, boolean training,
            PairList<String, Object> params) {
        checkImages(images.getShape());
        StageMaps maps = trunk(ps, images, training, params);
        NDList out = new NDList(tasks.length);
        for (int i : tasks) {
            if (i < 0 || i >= taskCount) {
                throw new IndexOutOfBoundsException("task " + i + " of " + taskCount);
            }
            out.add(attend(ps, i, maps, training, params));
        }
        return out;
    }

    private NDArray attend(ParameterStore ps, int task, StageMaps maps, boolean training, PairList<String, Object> params) {
        NDArray a = null;
        for (int s = 0; s < stages; s++) {
            NDArray maskInput = s == 0 ? maps.maskInputs()[0] : NDArrays.concat(new NDList(maps.maskInputs()[s], a), 1);
            a = apply(attention[task][s], ps, maskInput, training, params).mul(maps.features()[s]);
            if (shared[s] != null) {
                a = apply(shared[s], ps, a, training, params);
            }
            if (poolAfter[s]) {
                a = Pool.maxPool2d(a, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
            }
        }
        return a;
    }

    /** A one-input, one-output block's forward. */
    protected static NDArray apply(Block block, ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        return block.forward(ps, new NDList(x), training, params).singletonOrThrow();
    }

    @Override
    public final Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = checkImages(inputShapes[0]);
        Shape[] out = new Shape[taskCount];
        Arrays.fill(out, new Shape(in.get(0), outChannels(), in.get(2) / outputStride, in.get(3) / outputStride));
        return out;
    }

    /**
     * Initialises task {@code task}'s attention layer of stage {@code stage} for a stage map of shape
     * {@code map} (its batch size, height and width).
     */
    protected final void initializeAttention(NDManager manager, DataType dataType, int task, int stage, Shape map) {
        AttentionLayer layer = attention[task][stage];
        layer.initialize(manager, dataType, Layers.withChannels(map, layer.inChannels()));
    }

    /** Initialises the shared block after stage {@code stage}, if any, for a stage map of shape {@code map}. */
    protected final void initializeShared(NDManager manager, DataType dataType, int stage, Shape map) {
        if (shared[stage] != null) {
            shared[stage].initialize(manager, dataType, Layers.withChannels(map, attention[0][stage].outChannels()));
        }
    }

    /**
     * Checks an image batch's shape.
     *
     * @return {@code in}
     * @throws IllegalArgumentException unless it is {@code (N, inChannels, H, W)} with H and W positive
     *     multiples of the output stride
     */
    protected final Shape checkImages(Shape in) {
        if (in.dimension() != 4 || in.get(1) != inChannels || in.get(2) % outputStride != 0 || in.get(3) % outputStride != 0
                || in.get(2) < outputStride || in.get(3) < outputStride) {
            throw new IllegalArgumentException(model + " expects images (N, " + inChannels + ", H, W) with H and W positive"
                    + " multiples of " + outputStride + ", got " + in);
        }
        return in;
    }

    /**
     * The parameters several tasks use: the trunk's, then the shared blocks'; with one task, every
     * parameter.
     */
    public final List<Parameter> usedBySeveralTasks() {
        if (taskCount == 1) {
            return getParameters().values();
        }
        List<Parameter> used = new ArrayList<>(trunkParameters());
        for (Block block : shared) {
            if (block != null) {
                used.addAll(block.getParameters().values());
            }
        }
        return Collections.unmodifiableList(used);
    }
}
