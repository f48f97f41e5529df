package org.mtan4j.plugins.wrnmtan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
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
import org.mtan4j.blocks.ConvUnit;
import org.mtan4j.blocks.Layers;
import org.mtan4j.blocks.StateDictNamed;
import org.mtan4j.blocks.mtan.TaskAttentionNetwork;
import org.mtan4j.plugins.wrnmtan.nn.WideBasic;

/**
 * The WRN-MTAN network without classifiers (models.md, WRN-MTAN), widths {@code f = [16, 16k, 32k,
 * 64k]}: shared {@code g0 = conv1(x)} (3x3, bias), {@code g1..g3} = the three groups of
 * {@link WideBasic} blocks, each group's first block with stride 2, and {@code g3} followed by the
 * final BatchNorm (PyTorch momentum 0.9) and ReLU. Task {@code i}'s attention path, stage {@code j}:
 * mask = attention({@code j == 0 ? g0 : concat(g_j, a_{j-1})}, shared first), features = mask *
 * {@code g_j}, then the shared conv unit {@code f_j -> f_{j+1}} ({@code f3 -> f3} at the last) and a
 * 2x2 max-pool except after the last: a {@link TaskAttentionNetwork} whose mask inputs and weighted
 * features are both the {@code g} maps. Task {@code i} gets {@code (N, f3, H/8, W/8)}: 9x9 at 72x72.
 */
final class WrnMtanBlock extends TaskAttentionNetwork {

    /**
     * DJL momentum of the final BatchNorm, which the reference builds with PyTorch momentum 0.9
     * (models.md, WRN-MTAN): the running statistics mostly follow the last batch.
     */
    static final float FINAL_BN_MOMENTUM = 0.1f;

    private static final byte VERSION = 1;
    private static final int STAGES = 4;

    private final int[] f;
    private final Conv2d conv1;
    private final List<List<WideBasic>> groups = new ArrayList<>();
    private final BatchNorm finalNorm;

    WrnMtanBlock(int inChannels, WrnMtanOptions options, int taskCount) {
        super(VERSION, "WRN-MTAN", inChannels, taskCount, STAGES, 8);
        this.f = options.filters();
        // Registration order = the reference's, so DJL lists parameters in PyTorch's order.
        conv1 = addChildBlock("conv1", Layers.conv(inChannels, f[0], 3, ConvInit.PYTORCH_DEFAULT));
        int in = f[0];
        for (int g = 1; g < STAGES; g++) {
            List<WideBasic> blocks = new ArrayList<>();
            for (int k = 0; k < options.blocksPerGroup(); k++) {
                blocks.add(addChildBlock("layer" + g + "_" + k, new WideBasic(in, f[g], k == 0 ? 2 : 1)));
                in = f[g];
            }
            groups.add(blocks);
        }
        finalNorm = addChildBlock("bn1", Layers.batchNorm(FINAL_BN_MOMENTUM));
        for (int i = 0; i < taskCount; i++) {
            for (int j = 0; j < STAGES; j++) {
                addAttention("encoder_att_" + i + "_" + j, i, j,
                        new AttentionLayer(j == 0 ? f[0] : 2 * f[j], f[j], f[j], ConvInit.PYTORCH_DEFAULT));
            }
        }
        for (int j = 0; j < STAGES; j++) {
            addShared("encoder_block_att_" + j, j,
                    ConvUnit.unnumbered(f[j], j + 1 < STAGES ? f[j + 1] : f[j], ConvInit.PYTORCH_DEFAULT), j < STAGES - 1);
        }
    }

    @Override
    public int outChannels() {
        return f[STAGES - 1];
    }

    @Override
    protected StageMaps trunk(ParameterStore ps, NDArray images, boolean training, PairList<String, Object> params) {
        NDArray[] g = new NDArray[STAGES];
        g[0] = apply(conv1, ps, images, training, params);
        NDArray x = g[0];
        for (int s = 1; s < STAGES; s++) {
            for (WideBasic block : groups.get(s - 1)) {
                x = apply(block, ps, x, training, params);
            }
            g[s] = x;
        }
        g[3] = Activation.relu(apply(finalNorm, ps, g[3], training, params));
        return new StageMaps(g, g);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = checkImages(inputShapes[0]);
        conv1.initialize(manager, dataType, in);
        Shape[] g = new Shape[STAGES];
        g[0] = conv1.getOutputShapes(new Shape[] {in})[0];
        Shape x = g[0];
        for (int s = 1; s < STAGES; s++) {
            for (WideBasic block : groups.get(s - 1)) {
                block.initialize(manager, dataType, x);
                x = block.getOutputShapes(new Shape[] {x})[0];
            }
            g[s] = x;
        }
        finalNorm.initialize(manager, dataType, g[3]);
        for (int i = 0; i < taskCount(); i++) {
            for (int j = 0; j < STAGES; j++) {
                initializeAttention(manager, dataType, i, j, g[j]);
            }
        }
        for (int j = 0; j < STAGES; j++) {
            initializeShared(manager, dataType, j, g[j]);
        }
    }

    /** The trunk: {@code conv1}, the groups, the final BatchNorm. */
    @Override
    protected List<Parameter> trunkParameters() {
        List<Parameter> trunk = new ArrayList<>(conv1.getParameters().values());
        groups.forEach(blocks -> blocks.forEach(b -> trunk.addAll(b.getParameters().values())));
        trunk.addAll(finalNorm.getParameters().values());
        return trunk;
    }

    /** The shared trunk's entries: {@code conv1}, {@code layer<g>.<k>}, {@code bn1}. */
    void putTrunkEntries(String prefix, Map<String, Parameter> into) {
        StateDictNamed.putConv(prefix + "conv1.", conv1, into);
        for (int g = 0; g < groups.size(); g++) {
            StateDictNamed.putModuleList(prefix + "layer" + (g + 1) + ".", groups.get(g), into);
        }
        StateDictNamed.putNorm(prefix + "bn1.", finalNorm, into);
    }

    /** The attention entries: {@code encoder_att.<task>.<j>} and {@code encoder_block_att.<j>}. */
    void putAttentionEntries(String prefix, Map<String, Parameter> into) {
        for (int i = 0; i < taskCount(); i++) {
            for (int j = 0; j < STAGES; j++) {
                attention(i, j).putStateDictEntries(prefix + "encoder_att." + i + "." + j + ".", into);
            }
        }
        for (int j = 0; j < STAGES; j++) {
            ((ConvUnit) shared(j)).putStateDictEntries(prefix + "encoder_block_att." + j + ".", into);
        }
    }

    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        putTrunkEntries(prefix, into);
        putAttentionEntries(prefix, into);
    }

    @Override
    public String toString() {
        return "WrnMtan(" + Arrays.toString(f) + ", " + taskCount() + " tasks)";
    }
}
