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
 * MTAN's task attention layer (models.md, Building blocks): 1x1 conv {@code cin -> cmid} (bias) - BN -
 * ReLU - 1x1 conv {@code cmid -> cout} (bias) - BN - sigmoid; a mask in {@code (0, 1)}. PyTorch's
 * default init (the reference applies no other). PyTorch names {@code 0.*, 1.*, 3.*, 4.*}.
 */
public final class AttentionLayer extends AbstractBlock implements StateDictNamed {

    private static final byte VERSION = 1;

    private final int inChannels;
    private final int outChannels;
    private final Conv2d conv0;
    private final BatchNorm bn0;
    private final Conv2d conv1;
    private final BatchNorm bn1;

    /** An attention layer {@code (cin, cmid, cout)}. */
    public AttentionLayer(int inChannels, int midChannels, int outChannels) {
        super(VERSION);
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        conv0 = addChildBlock("conv0", Layers.conv(inChannels, midChannels, 1, 1));
        bn0 = addChildBlock("bn0", Layers.batchNorm(Layers.BN_MOMENTUM));
        conv1 = addChildBlock("conv1", Layers.conv(midChannels, outChannels, 1, 1));
        bn1 = addChildBlock("bn1", Layers.batchNorm(Layers.BN_MOMENTUM));
    }

    /** Input channels. */
    public int inChannels() {
        return inChannels;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = conv0.forward(ps, inputs, training, params);
        x = new NDList(Activation.relu(bn0.forward(ps, x, training, params).singletonOrThrow()));
        x = conv1.forward(ps, x, training, params);
        return new NDList(Activation.sigmoid(bn1.forward(ps, x, training, params).singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = check(inputShapes[0]);
        return new Shape[] {new Shape(in.get(0), outChannels, in.get(2), in.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] s = new Shape[] {check(inputShapes[0])};
        conv0.initialize(manager, dataType, s);
        s = conv0.getOutputShapes(s);
        bn0.initialize(manager, dataType, s);
        conv1.initialize(manager, dataType, s);
        bn1.initialize(manager, dataType, conv1.getOutputShapes(s));
    }

    private Shape check(Shape in) {
        if (in.dimension() != 4 || in.get(1) != inChannels) {
            throw new IllegalArgumentException("attention layer expects (N, " + inChannels + ", H, W), got " + in);
        }
        return in;
    }

    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        StateDictNamed.putConv(prefix + "0.", conv0, into);
        StateDictNamed.putNorm(prefix + "1.", bn0, into);
        StateDictNamed.putConv(prefix + "3.", conv1, into);
        StateDictNamed.putNorm(prefix + "4.", bn1, into);
    }
}
