package org.mtan4j.plugins.wrnmtan.nn;

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
 * The reference's shared attention unit {@code conv_layer}: 3x3 convolution (padding 1, bias) -
 * BatchNorm - ReLU. PyTorch names {@code 0.*} (convolution) and {@code 1.*} (BatchNorm).
 */
public final class ConvUnit extends AbstractBlock implements StateDictNamed {

    private static final byte VERSION = 1;

    private final int inChannels;
    private final int outChannels;
    private final Conv2d conv;
    private final BatchNorm norm;

    /** A unit {@code inChannels -> outChannels}. */
    public ConvUnit(int inChannels, int outChannels) {
        super(VERSION);
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        conv = addChildBlock("conv", Layers.conv(inChannels, outChannels, 3, 1));
        norm = addChildBlock("bn", Layers.batchNorm(Layers.BN_MOMENTUM));
    }

    /** Input channels. */
    public int inChannels() {
        return inChannels;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = conv.forward(ps, inputs, training, params);
        return new NDList(Activation.relu(norm.forward(ps, x, training, params).singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = check(inputShapes[0]);
        return new Shape[] {new Shape(in.get(0), outChannels, in.get(2), in.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = check(inputShapes[0]);
        conv.initialize(manager, dataType, in);
        norm.initialize(manager, dataType, conv.getOutputShapes(new Shape[] {in}));
    }

    private Shape check(Shape in) {
        if (in.dimension() != 4 || in.get(1) != inChannels) {
            throw new IllegalArgumentException("conv unit expects (N, " + inChannels + ", H, W), got " + in);
        }
        return in;
    }

    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        StateDictNamed.putConv(prefix + "0.", conv, into);
        StateDictNamed.putNorm(prefix + "1.", norm, into);
    }
}
