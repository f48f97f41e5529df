package org.mtan4j.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The reference's conv unit ({@code conv_layer}): 3x3 convolution (padding 1, with bias) -> BatchNorm
 * (eps 1e-5, PyTorch momentum 0.1) -> ReLU (models.md, "Building blocks"). Input and output are
 * {@code (N, C, H, W)}; height and width are kept. The convolutions start as the model's
 * {@link ConvInit} says (the SegNet models: Xavier-normal; WRN-MTAN: PyTorch's default).
 * The input may also come as its channel-wise parts, in a concatenation's order: the first
 * convolution then never makes the concatenation ({@link Layers#convolveParts}).
 *
 * <p>SegNet's split-deep variant makes "every conv unit two" ({@code cin -> cout, cout -> cout}): build
 * it with {@code depth = 2}. The dense and cross-stitch models use the reference's {@code conv_layer}
 * chains of two or three convolutions with changing widths (e.g. {@code [64, 64, 13]}, models.md
 * "Variants", dense): build them with {@link #chain}.
 *
 * <p>PyTorch names (relative to the unit's prefix), as in the reference's {@code nn.Sequential(conv,
 * bn, relu, ...)}: convolution {@code k} is module {@code 3k} ({@code .weight}, {@code .bias}) and its
 * BatchNorm is module {@code 3k+1} ({@code .weight}, {@code .bias}, {@code .running_mean},
 * {@code .running_var}). DJL child blocks are named {@code conv<k>} and {@code bn<k>} in that order
 * ({@code conv} and {@code bn} for a unit made by {@link #unnumbered}).
 */
public final class ConvUnit extends AbstractBlock implements StateDictNamed {

    private static final byte VERSION = 1;

    private final int inChannels;
    private final int outChannels;
    private final List<Conv2d> convs = new ArrayList<>();
    private final List<BatchNorm> norms = new ArrayList<>();

    /**
     * {@code depth} conv-BN-ReLU triples: the first {@code inChannels -> outChannels}, the others
     * {@code outChannels -> outChannels}.
     *
     * @param init how the convolutions start
     * @throws IllegalArgumentException if a channel count or the depth is not positive
     */
    public ConvUnit(int inChannels, int outChannels, int depth, ConvInit init) {
        this(widths(inChannels, outChannels, depth), init, true);
    }

    private ConvUnit(List<Integer> widths, ConvInit init, boolean numbered) {
        super(VERSION);
        if (widths.size() < 2 || widths.stream().anyMatch(w -> w == null || w < 1)) {
            throw new IllegalArgumentException("a conv unit needs at least two positive widths, got " + widths);
        }
        this.inChannels = widths.get(0);
        this.outChannels = widths.get(widths.size() - 1);
        for (int k = 1; k < widths.size(); k++) {
            String number = numbered ? String.valueOf(k - 1) : "";
            convs.add(addChildBlock("conv" + number, Layers.conv(widths.get(k - 1), widths.get(k), 3, init)));
            norms.add(addChildBlock("bn" + number, Layers.batchNorm()));
        }
    }

    /**
     * A chain of conv-BN-ReLU triples through the given widths: {@code widths[0] -> widths[1] -> ...},
     * named as one PyTorch {@code nn.Sequential} (the reference's {@code conv_layer(channels,
     * bottle_neck)} of the dense and cross-stitch models).
     *
     * @param widths at least two positive channel counts
     * @param init how the convolutions start
     * @throws IllegalArgumentException if there are fewer than two widths or one is not positive
     */
    public static ConvUnit chain(List<Integer> widths, ConvInit init) {
        return new ConvUnit(List.copyOf(widths), init, true);
    }

    /**
     * One conv-BN-ReLU {@code inChannels -> outChannels} whose DJL children are named {@code conv} and
     * {@code bn} instead of {@code conv0} and {@code bn0}; values and PyTorch names are those of
     * {@code new ConvUnit(inChannels, outChannels, 1, init)}. WRN-MTAN's shared attention units are
     * named so: DJL's parameter names come from the child names, and checkpoints key the optimiser's
     * state by them.
     *
     * @throws IllegalArgumentException if a channel count is not positive
     */
    public static ConvUnit unnumbered(int inChannels, int outChannels, ConvInit init) {
        return new ConvUnit(widths(inChannels, outChannels, 1), init, false);
    }

    private static List<Integer> widths(int inChannels, int outChannels, int depth) {
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("channels must be positive, got " + inChannels + " -> " + outChannels);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be positive, got " + depth);
        }
        List<Integer> widths = new ArrayList<>();
        widths.add(inChannels);
        for (int k = 0; k < depth; k++) {
            widths.add(outChannels);
        }
        return widths;
    }

    /** Input channels. */
    public int inChannels() {
        return inChannels;
    }

    /** Output channels. */
    public int outChannels() {
        return outChannels;
    }

    /** Number of conv-BN-ReLU triples. */
    public int depth() {
        return convs.size();
    }

    /** The convolutions, in order (read-only). */
    public List<Conv2d> convolutions() {
        return Collections.unmodifiableList(convs);
    }

    /** The BatchNorms, in order (read-only). */
    public List<BatchNorm> batchNorms() {
        return Collections.unmodifiableList(norms);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList x = inputs;
        for (int k = 0; k < convs.size(); k++) {
            NDArray conv = x.size() == 1 ? convs.get(k).forward(parameterStore, x, training, params).singletonOrThrow()
                    : Layers.convolveParts(parameterStore, convs.get(k), Layers.requireParts(toString(), inChannels, x),
                            training);
            NDArray norm = norms.get(k).forward(parameterStore, new NDList(conv), training, params).singletonOrThrow();
            NDList previous = x;
            x = new NDList(Activation.relu(norm));
            if (k > 0) {
                Intermediates.release(previous); // the caller's input stays open
            }
            Intermediates.release(conv, norm);
        }
        return x;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Layers.withChannels(checkInput(inputShapes), outChannels)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = new Shape[] {checkInput(inputShapes)};
        for (int k = 0; k < convs.size(); k++) {
            convs.get(k).initialize(manager, dataType, shapes);
            shapes = convs.get(k).getOutputShapes(shapes);
            norms.get(k).initialize(manager, dataType, shapes);
        }
    }

    /** The shape of the input or of its parts' concatenation, checked. */
    private Shape checkInput(Shape... parts) {
        return Layers.requireParts(toString(), inChannels, parts);
    }

    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        for (int k = 0; k < convs.size(); k++) {
            StateDictNamed.putConvNorm(prefix + (3 * k) + ".", convs.get(k), prefix + (3 * k + 1) + ".", norms.get(k), into);
        }
    }

    @Override
    public String toString() {
        return "ConvUnit(" + inChannels + " -> " + outChannels + (convs.size() > 1 ? ", depth " + convs.size() : "") + ")";
    }
}
