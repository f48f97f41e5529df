package org.mtan4j.plugins.resnetmtan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mtan4j.api.TaskKind;
import org.mtan4j.blocks.ConvInit;
import org.mtan4j.blocks.Layers;
import org.mtan4j.blocks.StateDictNamed;
import org.mtan4j.blocks.head.OutputActivation;
import org.mtan4j.blocks.sampling.AlignCornersBilinear;

/**
 * DeepLabv3's head as the reference's {@code DeepLabHead} (models.md, ResNet-MTAN): ASPP with five
 * {@code channels}-wide branches (1x1; 3x3 at three atrous rates; global average pool - 1x1 - back to
 * the map's size), each bias-free conv + BN + ReLU; concatenation - 1x1 conv - BN - ReLU - dropout;
 * 3x3 conv - BN - ReLU; 1x1 conv to the task's channels (with bias); bilinear resize
 * ({@code align_corners=True}) by {@code upsample}; then the task's activation (log-softmax,
 * L2-normalisation, or none).
 *
 * <p>The pooling branch's resize is {@code align_corners=False} in the reference; its source is 1x1,
 * where that interpolation reads the single input pixel at every output position, i.e. a broadcast,
 * which is what is done here (exactly).
 *
 * <p>Init: PyTorch's defaults. PyTorch names ({@code decoders.<i>.} prefix added by the caller):
 * {@code 0.convs.<b>.0/1} for the branches b = 0..3, {@code 0.convs.4.1/2} for the pooling branch,
 * {@code 0.project.0/1}, {@code 1} (3x3 conv), {@code 2} (BN), {@code 4} (classifier).
 */
final class DeepLabHeadBlock extends AbstractBlock implements StateDictNamed {

    private static final byte VERSION = 1;
    private static final int BRANCHES = 5;

    private final int inChannels;
    private final int outChannels;
    private final int upsample;
    private final OutputActivation activation;
    private final List<Conv2d> branchConvs = new ArrayList<>();
    private final List<BatchNorm> branchNorms = new ArrayList<>();
    private final Conv2d project;
    private final BatchNorm projectNorm;
    private final Dropout dropout;
    private final Conv2d conv;
    private final BatchNorm norm;
    private final Conv2d classifier;

    DeepLabHeadBlock(int inChannels, int outChannels, TaskKind kind, DeepLabOptions options) {
        super(VERSION);
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.upsample = options.upsample();
        this.activation = OutputActivation.of(kind);
        int c = options.channels();
        ConvInit init = ConvInit.PYTORCH_DEFAULT;
        for (int b = 0; b < BRANCHES; b++) {
            int kernel = b >= 1 && b <= 3 ? 3 : 1;
            int dilation = b >= 1 && b <= 3 ? options.rates().get(b - 1) : 1;
            branchConvs.add(addChildBlock("aspp_conv_" + b, Layers.conv(inChannels, c, kernel, 1, dilation, false, init)));
            branchNorms.add(addChildBlock("aspp_bn_" + b, Layers.batchNorm()));
        }
        project = addChildBlock("project_conv", Layers.conv(BRANCHES * c, c, 1, 1, 1, false, init));
        projectNorm = addChildBlock("project_bn", Layers.batchNorm());
        dropout = addChildBlock("project_dropout", Dropout.builder().optRate((float) options.dropout()).build());
        conv = addChildBlock("conv", Layers.conv(c, c, 3, 1, 1, false, init));
        norm = addChildBlock("bn", Layers.batchNorm());
        classifier = addChildBlock("classifier", Layers.conv(c, outChannels, 1, 1, 1, true, init));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        NDList branches = new NDList(BRANCHES);
        for (int b = 0; b < BRANCHES; b++) {
            // AdaptiveAvgPool2d(1): the mean over H and W, as (N, C, 1, 1).
            NDArray in = b == BRANCHES - 1 ? Pool.globalAvgPool2d(x).reshape(s.get(0), s.get(1), 1, 1) : x;
            NDArray y = Activation.relu(convBn(branchConvs.get(b), branchNorms.get(b), ps, in, training, params));
            if (b == BRANCHES - 1) {
                // align_corners=False from a 1x1 source: every output pixel reads that pixel.
                y = y.broadcast(new Shape(s.get(0), y.getShape().get(1), s.get(2), s.get(3)));
            }
            branches.add(y);
        }
        NDArray y = Activation.relu(convBn(project, projectNorm, ps, NDArrays.concat(branches, 1), training, params));
        y = dropout.forward(ps, new NDList(y), training, params).singletonOrThrow();
        y = Activation.relu(convBn(conv, norm, ps, y, training, params));
        y = classifier.forward(ps, new NDList(y), training, params).singletonOrThrow();
        if (upsample != 1) { // at 1 the resize would be the identity
            y = AlignCornersBilinear.resize(y, s.get(2) * upsample, s.get(3) * upsample);
        }
        return new NDList(activation.apply(y));
    }

    private static NDArray convBn(Block c, Block n, ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        return n.forward(ps, c.forward(ps, new NDList(x), training, params), training, params).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = check(inputShapes[0]);
        return new Shape[] {new Shape(in.get(0), outChannels, in.get(2) * upsample, in.get(3) * upsample)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = check(inputShapes[0]);
        Shape branch = null;
        for (int b = 0; b < BRANCHES; b++) {
            Shape bin = b == BRANCHES - 1 ? new Shape(in.get(0), in.get(1), 1, 1) : in;
            branchConvs.get(b).initialize(manager, dataType, bin);
            Shape out = branchConvs.get(b).getOutputShapes(new Shape[] {bin})[0];
            branchNorms.get(b).initialize(manager, dataType, out);
            if (b == 0) {
                branch = out;
            }
        }
        Shape cat = new Shape(in.get(0), branch.get(1) * BRANCHES, in.get(2), in.get(3));
        project.initialize(manager, dataType, cat);
        Shape p = project.getOutputShapes(new Shape[] {cat})[0];
        projectNorm.initialize(manager, dataType, p);
        dropout.initialize(manager, dataType, p);
        conv.initialize(manager, dataType, p);
        norm.initialize(manager, dataType, p);
        classifier.initialize(manager, dataType, p);
    }

    private Shape check(Shape in) {
        return Layers.requireInput("deeplab head", inChannels, in);
    }

    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        for (int b = 0; b < BRANCHES; b++) {
            // The pooling branch is Sequential(AdaptiveAvgPool2d, conv, bn, relu): its conv is module 1.
            int first = b == BRANCHES - 1 ? 1 : 0;
            StateDictNamed.putConvNorm(prefix + "0.convs." + b + "." + first + ".", branchConvs.get(b),
                    prefix + "0.convs." + b + "." + (first + 1) + ".", branchNorms.get(b), into);
        }
        StateDictNamed.putConvNorm(prefix + "0.project.0.", project, prefix + "0.project.1.", projectNorm, into);
        StateDictNamed.putConvNorm(prefix + "1.", conv, prefix + "2.", norm, into);
        StateDictNamed.putConv(prefix + "4.", classifier, into);
    }
}
