package org.mtan4j.plugins.resnetmtan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mtan4j.blocks.AttentionLayer;
import org.mtan4j.blocks.ConvInit;
import org.mtan4j.blocks.Layers;
import org.mtan4j.blocks.StateDictNamed;
import org.mtan4j.blocks.mtan.TaskAttentionNetwork;
import org.mtan4j.blocks.resnet.Bottleneck;
import org.mtan4j.blocks.resnet.DilatedResNet;

/**
 * The ResNet-MTAN network without heads (models.md, ResNet-MTAN): a dilated ResNet (v1.5, output
 * stride 8; {@link DilatedResNet}'s stem and bottlenecks) whose four stages are each split into
 * {@code b} (all blocks but the last) and {@code t} (the last block), per-task attention masks computed from {@code b} (concatenated with the previous
 * attention features from stage 2 on, shared first) applied to {@code t}, and shared bottleneck
 * "block_att" units between stages (a 2x2 max-pool after the first only): a {@link TaskAttentionNetwork}
 * whose mask inputs are the {@code b} maps and whose weighted features are the {@code t} maps. Task
 * {@code i} receives its stage-4 attended features {@code (N, 32 base, H/8, W/8)}.
 *
 * <p>Dilation as the reference's {@code ResnetDilated(dilate_scale=8)}: stage 3's first 3x3 conv and
 * its shortcut lose their stride (dilation 1), its other 3x3 convs get dilation 2; stage 4: first 2,
 * others 4. Convolutions are bias-free except in the attention layers.
 */
final class ResNetMtanBlock extends TaskAttentionNetwork {

    private static final byte VERSION = 1;
    private static final int STAGES = 4;

    /** Output channels per stage, {@code 4 * base * 2^s}. */
    private final int[] ch = new int[STAGES];
    private final Conv2d stemConv;
    private final BatchNorm stemNorm;
    private final List<List<Bottleneck>> stagesB = new ArrayList<>();
    private final List<Bottleneck> stagesT = new ArrayList<>();

    ResNetMtanBlock(int inChannels, ResNetMtanOptions options, int taskCount) {
        super(VERSION, "ResNet-MTAN", inChannels, taskCount, STAGES, 8);
        int base = options.baseWidth();
        stemConv = addChildBlock("shared_conv_0", DilatedResNet.stemConv(inChannels, base));
        stemNorm = addChildBlock("shared_conv_1", Layers.batchNorm());
        for (int s = 0; s < STAGES; s++) {
            ch[s] = DilatedResNet.stageChannels(s, base);
            List<Bottleneck> b = new ArrayList<>();
            int n = options.blocks().get(s);
            for (int k = 0; k < n; k++) {
                Bottleneck block = DilatedResNet.block(s, k, base, ConvInit.KAIMING_NORMAL_FAN_OUT);
                if (k < n - 1) {
                    b.add(addChildBlock("shared_layer" + (s + 1) + "_b_" + k, block));
                } else {
                    stagesT.add(addChildBlock("shared_layer" + (s + 1) + "_t", block));
                }
            }
            stagesB.add(b);
        }
        for (int s = 0; s < STAGES; s++) {
            for (int i = 0; i < taskCount; i++) {
                int attIn = s == 0 ? ch[0] : 2 * ch[s];
                addAttention("encoder_att_" + (s + 1) + "_" + i, i, s,
                        new AttentionLayer(attIn, ch[s] / 4, ch[s], ConvInit.PYTORCH_DEFAULT));
            }
        }
        for (int s = 0; s < STAGES - 1; s++) {
            // Built outside the ResNet in the reference: PyTorch's default init (models.md).
            addShared("encoder_block_att_" + (s + 1), s,
                    new Bottleneck(ch[s], ch[s + 1] / 4, 1, 1, true, ConvInit.PYTORCH_DEFAULT), s == 0);
        }
    }

    /** Stage {@code s}'s bottlenecks in order ({@code b} blocks, then {@code t}). */
    List<Bottleneck> stage(int s) {
        List<Bottleneck> blocks = new ArrayList<>(stagesB.get(s));
        blocks.add(stagesT.get(s));
        return blocks;
    }

    @Override
    public int outChannels() {
        return ch[STAGES - 1];
    }

    @Override
    protected StageMaps trunk(ParameterStore ps, NDArray images, boolean training, PairList<String, Object> params) {
        NDArray x = DilatedResNet.stemActivationAndPool(
                stemNorm.forward(ps, stemConv.forward(ps, new NDList(images), training, params), training, params).singletonOrThrow());
        NDArray[] b = new NDArray[STAGES];
        NDArray[] t = new NDArray[STAGES];
        for (int s = 0; s < STAGES; s++) {
            for (Bottleneck block : stagesB.get(s)) {
                x = apply(block, ps, x, training, params);
            }
            b[s] = x;
            x = apply(stagesT.get(s), ps, x, training, params);
            t[s] = x;
        }
        return new StageMaps(b, t);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = checkImages(inputShapes[0]);
        Shape[] s = new Shape[] {in};
        stemConv.initialize(manager, dataType, s);
        s = stemConv.getOutputShapes(s);
        stemNorm.initialize(manager, dataType, s);
        Shape x = new Shape(in.get(0), s[0].get(1), in.get(2) / 4, in.get(3) / 4);
        Shape[] bShapes = new Shape[STAGES];
        for (int stage = 0; stage < STAGES; stage++) {
            for (Bottleneck block : stagesB.get(stage)) {
                block.initialize(manager, dataType, x);
                x = block.getOutputShapes(new Shape[] {x})[0];
            }
            bShapes[stage] = x;
            stagesT.get(stage).initialize(manager, dataType, x);
            x = stagesT.get(stage).getOutputShapes(new Shape[] {x})[0];
        }
        for (int stage = 0; stage < STAGES; stage++) {
            for (int i = 0; i < taskCount(); i++) {
                initializeAttention(manager, dataType, i, stage, bShapes[stage]);
            }
            initializeShared(manager, dataType, stage, bShapes[stage]);
        }
    }

    /** The ResNet trunk, in torchvision's order of stages. */
    @Override
    protected List<Parameter> trunkParameters() {
        List<Parameter> trunk = new ArrayList<>();
        trunk.addAll(stemConv.getParameters().values());
        trunk.addAll(stemNorm.getParameters().values());
        stagesB.forEach(list -> list.forEach(block -> trunk.addAll(block.getParameters().values())));
        stagesT.forEach(block -> trunk.addAll(block.getParameters().values()));
        return trunk;
    }

    /** Only the ResNet trunk ({@code shared_*}): what an ImageNet-pretrained ResNet-50 provides. */
    void putTrunkEntries(String prefix, Map<String, Parameter> into) {
        StateDictNamed.putConvNorm(prefix + "shared_conv.0.", stemConv, prefix + "shared_conv.1.", stemNorm, into);
        for (int s = 0; s < STAGES; s++) {
            StateDictNamed.putModuleList(prefix + "shared_layer" + (s + 1) + "_b.", stagesB.get(s), into);
            stagesT.get(s).putStateDictEntries(prefix + "shared_layer" + (s + 1) + "_t.", into);
        }
    }

    /** The trunk under torchvision's ResNet names ({@code conv1}, {@code bn1}, {@code layer<s>.<k>}). */
    void putTorchvisionEntries(Map<String, Parameter> into) {
        StateDictNamed.putConvNorm("conv1.", stemConv, "bn1.", stemNorm, into);
        for (int s = 0; s < STAGES; s++) {
            StateDictNamed.putModuleList("layer" + (s + 1) + ".", stage(s), into);
        }
    }

    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        putTrunkEntries(prefix, into);
        for (int s = 0; s < STAGES; s++) {
            for (int i = 0; i < taskCount(); i++) {
                attention(i, s).putStateDictEntries(prefix + "encoder_att_" + (s + 1) + "." + i + ".", into);
            }
        }
        for (int s = 0; s < STAGES - 1; s++) {
            ((Bottleneck) shared(s)).putStateDictEntries(prefix + "encoder_block_att_" + (s + 1) + ".", into);
        }
    }

    @Override
    public String toString() {
        return "ResNetMtan(" + Arrays.toString(ch) + ", " + taskCount() + " tasks)";
    }
}
