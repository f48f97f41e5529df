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
import java.util.Map;

/**
 * MTAN's task attention layer ({@code att_layer(cin, cmid, cout)}, models.md "Building blocks"):
 * 1x1 convolution {@code cin -> cmid} (bias) -> BatchNorm -> ReLU -> 1x1 convolution
 * {@code cmid -> cout} (bias) -> BatchNorm -> sigmoid. Input {@code (N, cin, H, W)}, output a mask
 * {@code (N, cout, H, W)} with values in {@code (0, 1)}. The convolutions start as the model's
 * {@link ConvInit} says (SegNet-MTAN: Xavier-normal, biases 0; ResNet-MTAN and WRN-MTAN: PyTorch's
 * default), BatchNorm as {@link Layers#batchNorm()}.
 *
 * <p>The input may also come as its channel-wise parts {@code (N, c_k, H, W)} with {@code sum c_k = cin},
 * in the order a concatenation would take ({@link Layers#convolveParts}): autograd then keeps only the
 * parts instead of a concatenated copy, which for the paper's MTAN on NYUv2 was about 0.9 GB of every
 * training step's peak.
 *
 * <p>PyTorch names relative to the layer's prefix (the reference's {@code nn.Sequential(conv, bn,
 * relu, conv, bn, sigmoid)}): {@code 0.weight}, {@code 0.bias}, {@code 1.*} (BatchNorm),
 * {@code 3.weight}, {@code 3.bias}, {@code 4.*}. DJL child names: {@code conv0}, {@code bn0},
 * {@code conv1}, {@code bn1}.
 */
public final class AttentionLayer extends AbstractBlock implements StateDictNamed {

    private static final byte VERSION = 1;

    private final int inChannels;
    private final int midChannels;
    private final int outChannels;
    private final Conv2d conv0;
    private final BatchNorm bn0;
    private final Conv2d conv1;
    private final BatchNorm bn1;

    /**
     * An attention layer.
     *
     * @param init how the two convolutions start
     * @throws IllegalArgumentException if a channel count is not positive
     */
    public AttentionLayer(int inChannels, int midChannels, int outChannels, ConvInit init) {
        super(VERSION);
        if (inChannels < 1 || midChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("channels must be positive, got (" + inChannels + ", " + midChannels
                    + ", " + outChannels + ")");
        }
        this.inChannels = inChannels;
        this.midChannels = midChannels;
        this.outChannels = outChannels;
        this.conv0 = addChildBlock("conv0", Layers.conv(inChannels, midChannels, 1, init));
        this.bn0 = addChildBlock("bn0", Layers.batchNorm());
        this.conv1 = addChildBlock("conv1", Layers.conv(midChannels, outChannels, 1, init));
        this.bn1 = addChildBlock("bn1", Layers.batchNorm());
    }

    /** Input channels. */
    public int inChannels() {
        return inChannels;
    }

    /** Output (mask) channels. */
    public int outChannels() {
        return outChannels;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList a = inputs.size() == 1 ? conv0.forward(parameterStore, inputs, training, params)
                : new NDList(Layers.convolveParts(parameterStore, conv0, Layers.requireParts(toString(), inChannels, inputs),
                        training));
        NDList b = bn0.forward(parameterStore, a, training, params);
        NDList c = new NDList(Activation.relu(b.singletonOrThrow()));
        NDList d = conv1.forward(parameterStore, c, training, params);
        NDList e = bn1.forward(parameterStore, d, training, params);
        NDArray mask = Activation.sigmoid(e.singletonOrThrow());
        // Autograd keeps what backward needs; our handles would keep the rest until the step ends (Intermediates).
        Intermediates.release(a, b, c, d, e);
        return new NDList(mask);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Layers.withChannels(checkInput(inputShapes), outChannels)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = new Shape[] {checkInput(inputShapes)};
        conv0.initialize(manager, dataType, shapes);
        shapes = conv0.getOutputShapes(shapes);
        bn0.initialize(manager, dataType, shapes);
        conv1.initialize(manager, dataType, shapes);
        bn1.initialize(manager, dataType, conv1.getOutputShapes(shapes));
    }

    /** The shape of the input or of its parts' concatenation, checked. */
    private Shape checkInput(Shape... parts) {
        return Layers.requireParts(toString(), inChannels, parts);
    }

    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        StateDictNamed.putConvNorm(prefix + "0.", conv0, prefix + "1.", bn0, into);
        StateDictNamed.putConvNorm(prefix + "3.", conv1, prefix + "4.", bn1, into);
    }

    @Override
    public String toString() {
        return "AttentionLayer(" + inChannels + ", " + midChannels + ", " + outChannels + ")";
    }
}
