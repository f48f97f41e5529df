package org.mtan4j.plugins.wrnmtan.nn;

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
import org.mtan4j.blocks.ConvInit;
import org.mtan4j.blocks.Layers;
import org.mtan4j.blocks.StateDictNamed;

/**
 * The reference's pre-activation wide block {@code wide_basic} (models.md, WRN-MTAN):
 * {@code conv1(relu(bn1(x)))}, then {@code conv2(relu(bn2(.)))} with the stride on {@code conv2},
 * plus the shortcut: {@code x} itself, or a 1x1 convolution with bias and the block's stride when the
 * shape changes. No dropout, no activation after the sum. PyTorch names {@code bn1, conv1, bn2, conv2,
 * shortcut.0}.
 */
public final class WideBasic extends AbstractBlock implements StateDictNamed {

    private static final byte VERSION = 1;

    private final int inChannels;
    private final int planes;
    private final int stride;
    private final BatchNorm bn1;
    private final Conv2d conv1;
    private final BatchNorm bn2;
    private final Conv2d conv2;
    private final Conv2d shortcut;

    /** A block {@code inChannels -> planes} with the given stride. */
    public WideBasic(int inChannels, int planes, int stride) {
        super(VERSION);
        this.inChannels = inChannels;
        this.planes = planes;
        this.stride = stride;
        bn1 = addChildBlock("bn1", Layers.batchNorm(Layers.BN_MOMENTUM));
        conv1 = addChildBlock("conv1", Layers.conv(inChannels, planes, 3, ConvInit.PYTORCH_DEFAULT));
        bn2 = addChildBlock("bn2", Layers.batchNorm(Layers.BN_MOMENTUM));
        conv2 = addChildBlock("conv2", Layers.conv(planes, planes, 3, stride, 1, true, ConvInit.PYTORCH_DEFAULT));
        shortcut = stride != 1 || inChannels != planes
                ? addChildBlock("shortcut", Layers.conv(inChannels, planes, 1, stride, 1, true, ConvInit.PYTORCH_DEFAULT))
                : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray y = Activation.relu(bn1.forward(ps, inputs, training, params).singletonOrThrow());
        y = conv1.forward(ps, new NDList(y), training, params).singletonOrThrow();
        y = Activation.relu(bn2.forward(ps, new NDList(y), training, params).singletonOrThrow());
        y = conv2.forward(ps, new NDList(y), training, params).singletonOrThrow();
        NDArray identity = shortcut == null ? x : shortcut.forward(ps, inputs, training, params).singletonOrThrow();
        return new NDList(y.add(identity));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = check(inputShapes[0]);
        // 3x3, padding 1 (and 1x1, padding 0): floor((H - 1) / stride) + 1.
        return new Shape[] {new Shape(in.get(0), planes, (in.get(2) - 1) / stride + 1, (in.get(3) - 1) / stride + 1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = check(inputShapes[0]);
        bn1.initialize(manager, dataType, in);
        conv1.initialize(manager, dataType, in);
        Shape mid = conv1.getOutputShapes(new Shape[] {in})[0];
        bn2.initialize(manager, dataType, mid);
        conv2.initialize(manager, dataType, mid);
        if (shortcut != null) {
            shortcut.initialize(manager, dataType, in);
        }
    }

    private Shape check(Shape in) {
        return Layers.requireInput("wide block", inChannels, in);
    }

    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        StateDictNamed.putNorm(prefix + "bn1.", bn1, into);
        StateDictNamed.putConv(prefix + "conv1.", conv1, into);
        StateDictNamed.putNorm(prefix + "bn2.", bn2, into);
        StateDictNamed.putConv(prefix + "conv2.", conv2, into);
        if (shortcut != null) {
            StateDictNamed.putConv(prefix + "shortcut.0.", shortcut, into);
        }
    }
}
