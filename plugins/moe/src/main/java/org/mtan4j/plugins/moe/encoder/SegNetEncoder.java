package org.mtan4j.plugins.moe.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.mtan4j.blocks.Intermediates;
import org.mtan4j.blocks.sampling.MaxPool2x2;
import org.mtan4j.blocks.sampling.Pooled;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * The paper's SegNet encoder-decoder ({@link SegNetTrunk}; models.md, "SegNet backbone") in ten
 * stages: stage {@code s = 0..4} is encoder stage {@code s} (its conv unit, its block of units and the
 * 2x2 max-pool, whose winners the pass keeps), stage {@code 5 + t} is decoder step {@code t} of level
 * {@code L = 4 - t} (unpool with the pass's level-{@code L} winners, its unit and block). The output is
 * the trunk's, {@code (N, f0, H, W)}, what the {@code segnet-*} heads read; H and W multiples of 32.
 * All stages in one pass compute exactly {@link SegNetTrunk}'s forward.
 */
public final class SegNetEncoder extends StagedEncoder {

    private final SegNetTrunk trunk;

    /**
     * An encoder.
     *
     * @param inChannels image channels
     * @param filters the five SegNet widths
     */
    public SegNetEncoder(int inChannels, List<Integer> filters) {
        trunk = addChildBlock("trunk", new SegNetTrunk(inChannels, filters));
    }

    /** The encoder-decoder. */
    public SegNetTrunk trunk() {
        return trunk;
    }

    @Override
    public int stageCount() {
        return 2 * SegNetTrunk.LEVELS;
    }

    @Override
    public int outChannels() {
        return trunk.outChannels();
    }

    @Override
    public NDArray forwardStage(EncoderPass pass, int stage, ParameterStore ps, NDArray x, boolean training,
            PairList<String, Object> params) {
        if (stage < SegNetTrunk.LEVELS) {
            NDArray unit = SegNetTrunk.apply(trunk.encoderUnits().get(stage), ps, x, training, params);
            NDArray block = SegNetTrunk.apply(trunk.encoderBlocks().get(stage), ps, unit, training, params);
            Pooled pooled = MaxPool2x2.pool(block);
            pass.putPoolIndices(stage, pooled.indices());
            Intermediates.release(unit, block);
            return pooled.values();
        }
        int level = decoderLevel(stage);
        NDArray unpooled = MaxPool2x2.unpool(x, pass.poolIndices(level));
        NDArray unit = SegNetTrunk.apply(trunk.decoderUnits().get(level), ps, unpooled, training, params);
        NDArray block = SegNetTrunk.apply(trunk.decoderBlocks().get(level), ps, unit, training, params);
        Intermediates.release(unpooled, unit);
        return block;
    }

    /** The level {@code L = 4 - t} of decoder stage {@code 5 + t}. */
    private int decoderLevel(int stage) {
        if (stage < SegNetTrunk.LEVELS || stage >= stageCount()) {
            throw new IndexOutOfBoundsException("stage " + stage + " of " + stageCount());
        }
        return stageCount() - 1 - stage;
    }

    @Override
    public Shape stageOutputShape(int stage, Shape in) {
        List<Integer> f = trunk.filters();
        if (stage < SegNetTrunk.LEVELS) {
            return new Shape(in.get(0), f.get(stage), in.get(2) / 2, in.get(3) / 2);
        }
        int level = decoderLevel(stage);
        return new Shape(in.get(0), level == 0 ? f.get(0) : f.get(level - 1), in.get(2) * 2, in.get(3) * 2);
    }

    @Override
    public List<Parameter> stageParameters(int stage) {
        List<Parameter> parameters = new ArrayList<>();
        if (stage < SegNetTrunk.LEVELS) {
            parameters.addAll(trunk.encoderUnits().get(stage).getParameters().values());
            parameters.addAll(trunk.encoderBlocks().get(stage).getParameters().values());
        } else {
            int level = decoderLevel(stage);
            parameters.addAll(trunk.decoderUnits().get(level).getParameters().values());
            parameters.addAll(trunk.decoderBlocks().get(level).getParameters().values());
        }
        return parameters;
    }

    @Override
    public Shape checkImages(Shape images) {
        return SegNetTrunk.checkImages(images, trunk.inChannels());
    }

    @Override
    public String toString() {
        return "SegNetEncoder(" + trunk + ")";
    }
}
