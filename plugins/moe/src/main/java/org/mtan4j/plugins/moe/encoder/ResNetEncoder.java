package org.mtan4j.plugins.moe.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.mtan4j.blocks.resnet.Bottleneck;
import org.mtan4j.blocks.resnet.DilatedResNet;

/**
 * The dilated ResNet ({@link DilatedResNet}, output stride 8; models.md, ResNet-MTAN) in five stages,
 * as LibMTL's PLE and LTB cut it: stage 0 is the stem ({@code conv1}, {@code bn1}, ReLU, max-pool),
 * stages 1 to 4 are {@code layer1} to {@code layer4}. The output {@code (N, 32 base, H/8, W/8)} is what
 * the {@code deeplab} heads read.
 */
public final class ResNetEncoder extends StagedEncoder {

    private final DilatedResNet trunk;

    /**
     * An encoder.
     *
     * @param inChannels image channels
     * @param base the ResNet's base width (64 for ResNet-50)
     * @param blocks bottlenecks per stage ({@code [3, 4, 6, 3]} for ResNet-50)
     */
    public ResNetEncoder(int inChannels, int base, List<Integer> blocks) {
        trunk = addChildBlock("trunk", new DilatedResNet(inChannels, base, blocks));
    }

    /** The trunk. */
    public DilatedResNet trunk() {
        return trunk;
    }

    @Override
    public int stageCount() {
        return 1 + DilatedResNet.STAGES;
    }

    @Override
    public int outChannels() {
        return trunk.outChannels();
    }

    @Override
    public NDArray forwardStage(EncoderPass pass, int stage, ParameterStore ps, NDArray x, boolean training,
            PairList<String, Object> params) {
        checkStage(stage);
        return stage == 0 ? trunk.forwardStem(ps, x, training, params) : trunk.forwardStage(stage - 1, ps, x, training, params);
    }

    @Override
    public Shape stageOutputShape(int stage, Shape in) {
        checkStage(stage);
        return stage == 0 ? trunk.stemOutputShape(in) : trunk.stageOutputShape(stage - 1, in);
    }

    @Override
    public List<Parameter> stageParameters(int stage) {
        checkStage(stage);
        if (stage == 0) {
            return trunk.stemParameters();
        }
        List<Parameter> parameters = new ArrayList<>();
        for (Bottleneck block : trunk.stage(stage - 1)) {
            parameters.addAll(block.getParameters().values());
        }
        return parameters;
    }

    private void checkStage(int stage) {
        if (stage < 0 || stage >= stageCount()) {
            throw new IndexOutOfBoundsException("stage " + stage + " of " + stageCount());
        }
    }

    @Override
    public Shape checkImages(Shape images) {
        return trunk.checkImages(images);
    }

    @Override
    public String toString() {
        return "ResNetEncoder(" + trunk + ")";
    }
}
