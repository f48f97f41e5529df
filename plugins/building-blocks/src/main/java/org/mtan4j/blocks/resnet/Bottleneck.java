package org.mtan4j.blocks.resnet;

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
 * torchvision's ResNet v1.5 bottleneck (models.md, ResNet-MTAN): 1x1 conv {@code in -> planes} - BN -
 * ReLU - 3x3 conv {@code planes -> planes} (the stride and the dilation sit here) - BN - ReLU - 1x1
 * conv {@code planes -> 4 planes} - BN; plus the shortcut (identity, or a 1x1 conv with the block's
 * stride and a BN); then ReLU. All convolutions are bias-free.
 *
 * <p>PyTorch names: {@code conv1, bn1, conv2, bn2, conv3, bn3, downsample.0, downsample.1}.
 */
public final class Bottleneck extends AbstractBlock implements StateDictNamed {

    /** Output channels per plane. */
    public static final int EXPANSION = 4;

    private static final byte VERSION = 1;

    private final int inChannels;
    private final int planes;
    private final int stride;
    private final Conv2d conv1;
    private final BatchNorm bn1;
    private final Conv2d conv2;
    private final BatchNorm bn2;
    private final Conv2d conv3;
    private final BatchNorm bn3;
    private final Conv2d downsampleConv;
    private final BatchNorm downsampleNorm;

    /**
     * A bottleneck.
     *
     * @param inChannels input channels
     * @param planes the inner width; the output has {@code 4 * planes} channels
     * @param stride stride of the 3x3 convolution and of the shortcut
     * @param dilation dilation (and padding) of the 3x3 convolution
     * @param downsample whether the shortcut is a 1x1 conv + BN (needed when shapes change)
     * @param init how the convolution weights start
     */
    public Bottleneck(int inChannels, int planes, int stride, int dilation, boolean downsample, ConvInit init) {
        super(VERSION);
        if (!downsample && (stride != 1 || inChannels != EXPANSION * planes)) {
            throw new IllegalArgumentException("an identity shortcut needs stride 1 and " + EXPANSION * planes
                    + " input channels, got stride " + stride + " and " + inChannels);
        }
        this.inChannels = inChannels;
        this.planes = planes;
        this.stride = stride;
        int out = EXPANSION * planes;
        conv1 = addChildBlock("conv1", Layers.conv(inChannels, planes, 1, 1, 1, false, init));
        bn1 = addChildBlock("bn1", Layers.batchNorm());
        conv2 = addChildBlock("conv2", Layers.conv(planes, planes, 3, stride, dilation, false, init));
        bn2 = addChildBlock("bn2", Layers.batchNorm());
        conv3 = addChildBlock("conv3", Layers.conv(planes, out, 1, 1, 1, false, init));
        bn3 = addChildBlock("bn3", Layers.batchNorm());
        if (downsample) {
            downsampleConv = addChildBlock("downsample_conv", Layers.conv(inChannels, out, 1, stride, 1, false, init));
            downsampleNorm = addChildBlock("downsample_bn", Layers.batchNorm());
        } else {
            downsampleConv = null;
            downsampleNorm = null;
        }
    }

    /** The 3x3 convolution's stride, as built (the shortcut has the same). */
    public int stride() {
        return Math.toIntExact(conv2.getStride().get(0));
    }

    /** The 3x3 convolution's dilation, as built (its padding is the same). */
    public int dilation() {
        return Math.toIntExact(conv2.getDilation().get(0));
    }

    /** The 3x3 convolution's padding, as built. */
    public int padding() {
        return Math.toIntExact(conv2.getPadding().get(0));
    }

    /** Output channels, {@code 4 * planes}. */
    public int outChannels() {
        return EXPANSION * planes;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList y = conv1.forward(ps, inputs, training, params);
        y = new NDList(Activation.relu(bn1.forward(ps, y, training, params).singletonOrThrow()));
        y = conv2.forward(ps, y, training, params);
        y = new NDList(Activation.relu(bn2.forward(ps, y, training, params).singletonOrThrow()));
        y = conv3.forward(ps, y, training, params);
        NDArray out = bn3.forward(ps, y, training, params).singletonOrThrow();
        NDArray identity = x;
        if (downsampleConv != null) {
            identity = downsampleNorm.forward(ps, downsampleConv.forward(ps, inputs, training, params), training, params)
                    .singletonOrThrow();
        }
        return new NDList(Activation.relu(out.add(identity)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = check(inputShapes[0]);
        return new Shape[] {new Shape(in.get(0), outChannels(), Layers.outSize(in.get(2), 1, stride, 0, 1),
                Layers.outSize(in.get(3), 1, stride, 0, 1))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] s = new Shape[] {check(inputShapes[0])};
        conv1.initialize(manager, dataType, s);
        s = conv1.getOutputShapes(s);
        bn1.initialize(manager, dataType, s);
        conv2.initialize(manager, dataType, s);
        s = conv2.getOutputShapes(s);
        bn2.initialize(manager, dataType, s);
        conv3.initialize(manager, dataType, s);
        s = conv3.getOutputShapes(s);
        bn3.initialize(manager, dataType, s);
        if (downsampleConv != null) {
            downsampleConv.initialize(manager, dataType, inputShapes[0]);
            downsampleNorm.initialize(manager, dataType, downsampleConv.getOutputShapes(new Shape[] {inputShapes[0]}));
        }
    }

    private Shape check(Shape in) {
        return Layers.requireInput(toString(), inChannels, in);
    }

    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        StateDictNamed.putConvNorm(prefix + "conv1.", conv1, prefix + "bn1.", bn1, into);
        StateDictNamed.putConvNorm(prefix + "conv2.", conv2, prefix + "bn2.", bn2, into);
        StateDictNamed.putConvNorm(prefix + "conv3.", conv3, prefix + "bn3.", bn3, into);
        if (downsampleConv != null) {
            StateDictNamed.putConvNorm(prefix + "downsample.0.", downsampleConv,
                    prefix + "downsample.1.", downsampleNorm, into);
        }
    }

    @Override
    public String toString() {
        return "Bottleneck(" + inChannels + " -> " + outChannels() + ", stride " + stride + ")";
    }
}
