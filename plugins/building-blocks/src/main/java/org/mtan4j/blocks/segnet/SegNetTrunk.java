package org.mtan4j.blocks.segnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtan4j.blocks.ConvInit;
import org.mtan4j.blocks.ConvUnit;
import org.mtan4j.blocks.StateDictNamed;
import org.mtan4j.blocks.sampling.MaxPool2x2;
import org.mtan4j.blocks.sampling.PoolIndices;
import org.mtan4j.blocks.sampling.Pooled;

/**
 * The SegNet encoder-decoder of the paper (models.md, "SegNet backbone"), with filters
 * {@code f = [f0..f4]} ({@code [64, 128, 256, 512, 512]} in the paper):
 * <ul>
 *   <li>encoder stage {@code s = 0..4}: {@code E0[s]} = one conv unit (previous width -> {@code f[s]});
 *       {@code E1[s]} = a block of conv units at {@code f[s]} (one unit at s = 0, 1; two at s = 2..4);
 *       then a 2x2 max-pool with indices;</li>
 *   <li>decoder step {@code t = 0..4}, level {@code L = 4 - t}: {@code U[t]} = unpool of the previous
 *       output with level {@code L}'s indices; {@code D0[t]} = one unit {@code f[L] -> f[L-1]}
 *       ({@code f0 -> f0} at L = 0); {@code D[t]} = a block (one unit of {@code f0} at L = 0, 1; two
 *       units of {@code f[L-1]} at L = 2..4).</li>
 * </ul>
 * Forward: {@code NDList(image (N, C, H, W))} -> {@code NDList(D[4] (N, f0, H, W))}; H and W must be
 * multiples of 32. {@link #trace} gives every intermediate map. With the paper's filters the trunk
 * has 24,943,296 trainable parameters (models.md). With {@code depth = 2} every conv unit has two
 * convolutions (the split-deep variant); {@code f4 = 1024} is split-wide.
 *
 * <p>PyTorch names ({@link #stateDictEntries()}): the reference's {@code encoder_block.s},
 * {@code conv_block_enc.s}, {@code decoder_block.L}, {@code conv_block_dec.L} (indexed by level,
 * not by step), each a {@link ConvUnit} / {@link ConvStack} with their own naming rules. Child blocks
 * are registered in that order, so {@code getParameters()} lists the trainable parameters in
 * PyTorch's order. DJL child names are {@code encoder_block_<s>}, {@code decoder_block_<L>},
 * {@code conv_block_enc_<s>}, {@code conv_block_dec_<L>}.
 */
public final class SegNetTrunk extends AbstractBlock implements StateDictNamed {

    /** The paper's filters. */
    public static final List<Integer> PAPER_FILTERS = List.of(64, 128, 256, 512, 512);

    /** Pooling levels; inputs must be multiples of {@code 2^LEVELS = 32}. */
    public static final int LEVELS = 5;

    private static final byte VERSION = 1;
    private static final int SIZE_MULTIPLE = 1 << LEVELS;

    private final int inChannels;
    private final List<Integer> filters;
    private final int depth;
    private final List<ConvUnit> encoderBlock = new ArrayList<>();
    private final List<ConvUnit> decoderBlock = new ArrayList<>();
    private final List<ConvStack> convBlockEnc = new ArrayList<>();
    private final List<ConvStack> convBlockDec = new ArrayList<>();

    /** The paper's trunk for {@code inChannels}-channel images with the given filters, one convolution per unit. */
    public SegNetTrunk(int inChannels, List<Integer> filters) {
        this(inChannels, filters, 1);
    }

    /**
     * A trunk.
     *
     * @param inChannels image channels (3 for RGB)
     * @param filters five positive widths {@code f0..f4}
     * @param depth convolutions per conv unit: 1 (standard), 2 (split-deep)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public SegNetTrunk(int inChannels, List<Integer> filters, int depth) {
        super(VERSION);
        if (inChannels < 1) {
            throw new IllegalArgumentException("inChannels must be positive, got " + inChannels);
        }
        if (filters.size() != LEVELS || filters.stream().anyMatch(f -> f == null || f < 1)) {
            throw new IllegalArgumentException("filters must be " + LEVELS + " positive widths, got " + filters);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be positive, got " + depth);
        }
        this.inChannels = inChannels;
        this.filters = List.copyOf(filters);
        this.depth = depth;
        List<Integer> f = this.filters;
        // Registration order = the reference's module order, so parameters list in PyTorch's order.
        for (int s = 0; s < LEVELS; s++) {
            int in = s == 0 ? inChannels : f.get(s - 1);
            encoderBlock.add(addChildBlock("encoder_block_" + s, new ConvUnit(in, f.get(s), depth, ConvInit.XAVIER_NORMAL)));
        }
        for (int level = 0; level < LEVELS; level++) {
            int out = level == 0 ? f.get(0) : f.get(level - 1);
            decoderBlock.add(addChildBlock("decoder_block_" + level, new ConvUnit(f.get(level), out, depth, ConvInit.XAVIER_NORMAL)));
        }
        for (int s = 0; s < LEVELS; s++) {
            convBlockEnc.add(addChildBlock("conv_block_enc_" + s, ConvStack.of(f.get(s), unitsInBlock(s), depth)));
        }
        for (int level = 0; level < LEVELS; level++) {
            int width = level == 0 ? f.get(0) : f.get(level - 1);
            convBlockDec.add(addChildBlock("conv_block_dec_" + level, ConvStack.of(width, unitsInBlock(level), depth)));
        }
    }

    /** One unit per block at levels 0 and 1, two deeper (models.md). */
    private static int unitsInBlock(int level) {
        return level < 2 ? 1 : 2;
    }

    /** Image channels. */
    public int inChannels() {
        return inChannels;
    }

    /** The five widths. */
    public List<Integer> filters() {
        return filters;
    }

    /** Channels of the output {@code D[4]}: {@code f0}. */
    public int outChannels() {
        return filters.get(0);
    }

    /** Convolutions per conv unit. */
    public int depth() {
        return depth;
    }

    /** {@code E0[s]}'s units, by stage (read-only). */
    public List<ConvUnit> encoderUnits() {
        return Collections.unmodifiableList(encoderBlock);
    }

    /** {@code E1[s]}'s blocks, by stage (read-only). */
    public List<ConvStack> encoderBlocks() {
        return Collections.unmodifiableList(convBlockEnc);
    }

    /** The decoder's first units, by level {@code L} (read-only; step {@code t} uses level {@code 4 - t}). */
    public List<ConvUnit> decoderUnits() {
        return Collections.unmodifiableList(decoderBlock);
    }

    /** The decoder's blocks, by level {@code L} (read-only). */
    public List<ConvStack> decoderBlocks() {
        return Collections.unmodifiableList(convBlockDec);
    }

    /**
     * Runs the trunk and keeps every intermediate map.
     *
     * @param image {@code (N, inChannels, H, W)}, H and W multiples of 32
     */
    public SegNetTrace trace(ParameterStore parameterStore, NDArray image, boolean training,
            PairList<String, Object> params) {
        checkInput(image.getShape());
        List<NDArray> e0 = new ArrayList<>();
        List<NDArray> e1 = new ArrayList<>();
        List<NDArray> pooled = new ArrayList<>();
        List<PoolIndices> indices = new ArrayList<>();
        NDArray x = image;
        for (int s = 0; s < LEVELS; s++) {
            e0.add(apply(encoderBlock.get(s), parameterStore, x, training, params));
            e1.add(apply(convBlockEnc.get(s), parameterStore, e0.get(s), training, params));
            Pooled p = MaxPool2x2.pool(e1.get(s));
            pooled.add(p.values());
            indices.add(p.indices());
            x = p.values();
        }
        List<NDArray> u = new ArrayList<>();
        List<NDArray> d0 = new ArrayList<>();
        List<NDArray> d = new ArrayList<>();
        for (int t = 0; t < LEVELS; t++) {
            int level = LEVELS - 1 - t;
            u.add(MaxPool2x2.unpool(x, indices.get(level)));
            d0.add(apply(decoderBlock.get(level), parameterStore, u.get(t), training, params));
            d.add(apply(convBlockDec.get(level), parameterStore, d0.get(t), training, params));
            x = d.get(t);
        }
        return new SegNetTrace(e0, e1, pooled, indices, u, d0, d);
    }

    /** Runs a one-input, one-output block (a conv unit or stack of the trunk or of a model built on it). */
    public static NDArray apply(AbstractBlock block, ParameterStore parameterStore, NDArray x, boolean training,
            PairList<String, Object> params) {
        return block.forward(parameterStore, new NDList(x), training, params).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        SegNetTrace trace = trace(parameterStore, inputs.singletonOrThrow(), training, params);
        NDArray output = trace.output();
        trace.releaseAllBut(output);
        return new NDList(output);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = checkInput(inputShapes[0]);
        return new Shape[] {new Shape(in.get(0), outChannels(), in.get(2), in.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = new Shape[] {checkInput(inputShapes[0])};
        List<Shape> beforePooling = new ArrayList<>();
        for (int s = 0; s < LEVELS; s++) {
            shapes = initialize(encoderBlock.get(s), manager, dataType, shapes);
            shapes = initialize(convBlockEnc.get(s), manager, dataType, shapes);
            beforePooling.add(shapes[0]);
            shapes = new Shape[] {PoolIndices.pooledShape(shapes[0])};
        }
        for (int t = 0; t < LEVELS; t++) {
            int level = LEVELS - 1 - t;
            shapes = new Shape[] {beforePooling.get(level)};
            shapes = initialize(decoderBlock.get(level), manager, dataType, shapes);
            shapes = initialize(convBlockDec.get(level), manager, dataType, shapes);
        }
    }

    private static Shape[] initialize(AbstractBlock block, NDManager manager, DataType dataType, Shape[] shapes) {
        block.initialize(manager, dataType, shapes);
        return block.getOutputShapes(shapes);
    }

    private Shape checkInput(Shape in) {
        return checkImages(in, inChannels);
    }

    /**
     * Checks an image batch shape {@code (N, inChannels, H, W)} with H and W multiples of 32 and returns it.
     *
     * @throws IllegalArgumentException naming the rule that is broken
     */
    public static Shape checkImages(Shape in, int inChannels) {
        if (in.dimension() != 4 || in.get(1) != inChannels) {
            throw new IllegalArgumentException("SegNet expects images (N, " + inChannels + ", H, W), got " + in);
        }
        if (in.get(2) % SIZE_MULTIPLE != 0 || in.get(3) % SIZE_MULTIPLE != 0) {
            throw new IllegalArgumentException("SegNet pools " + LEVELS + " times: image height and width must be multiples of "
                    + SIZE_MULTIPLE + ", got " + in.get(2) + "x" + in.get(3));
        }
        return in;
    }

    /**
     * The trainable parameters and BatchNorm running statistics under the reference's PyTorch names,
     * in PyTorch's order (e.g. {@code encoder_block.0.0.weight}, {@code conv_block_enc.2.1.1.running_var}).
     */
    public Map<String, Parameter> stateDictEntries() {
        Map<String, Parameter> entries = new LinkedHashMap<>();
        putStateDictEntries("", entries);
        return entries;
    }

    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        StateDictNamed.putModuleList(prefix + "encoder_block.", encoderBlock, into);
        StateDictNamed.putModuleList(prefix + "decoder_block.", decoderBlock, into);
        StateDictNamed.putModuleList(prefix + "conv_block_enc.", convBlockEnc, into);
        StateDictNamed.putModuleList(prefix + "conv_block_dec.", convBlockDec, into);
    }

    @Override
    public String toString() {
        return "SegNetTrunk(in " + inChannels + ", filters " + filters + (depth > 1 ? ", depth " + depth : "") + ")";
    }
}
