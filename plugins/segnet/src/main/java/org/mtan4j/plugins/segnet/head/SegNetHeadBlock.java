package org.mtan4j.plugins.segnet.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;
import java.util.Objects;
import org.mtan4j.blocks.ConvInit;
import org.mtan4j.blocks.Intermediates;
import org.mtan4j.blocks.Layers;
import org.mtan4j.blocks.StateDictNamed;
import org.mtan4j.blocks.head.OutputActivation;

/**
 * The paper's SegNet prediction head (models.md, "Building blocks"): 3x3 convolution
 * {@code C -> C} (padding 1, bias, no BatchNorm, no activation) -> 1x1 convolution {@code C -> K}
 * (bias) -> {@link OutputActivation}. Input {@code (N, C, H, W)}, output {@code (N, K, H, W)}.
 * Weights Xavier-normal, biases 0.
 *
 * <p>PyTorch names relative to the head's prefix (the reference's {@code pred_task<i>.} in split and
 * MTAN, {@code pred_task.} in single and STAN): {@code 0.weight}, {@code 0.bias} (3x3) and
 * {@code 1.weight}, {@code 1.bias} (1x1). DJL child names: {@code conv}, {@code pred}.
 */
public final class SegNetHeadBlock extends AbstractBlock implements StateDictNamed {

    private static final byte VERSION = 1;

    private final int inChannels;
    private final int outChannels;
    private final OutputActivation activation;
    private final Conv2d conv;
    private final Conv2d pred;

    /**
     * A head.
     *
     * @param inChannels channels of the features ({@code C}, 64 in the paper)
     * @param outChannels channels of the prediction ({@code K}: classes, 1 for depth, 3 for normals)
     * @param activation applied last
     * @throws IllegalArgumentException if a channel count is not positive
     */
    public SegNetHeadBlock(int inChannels, int outChannels, OutputActivation activation) {
        super(VERSION);
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("channels must be positive, got " + inChannels + " -> " + outChannels);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.activation = Objects.requireNonNull(activation, "activation is null");
        this.conv = addChildBlock("conv", Layers.conv(inChannels, inChannels, 3, ConvInit.XAVIER_NORMAL));
        this.pred = addChildBlock("pred", Layers.conv(inChannels, outChannels, 1, ConvInit.XAVIER_NORMAL));
    }

    /** The output activation. */
    public OutputActivation activation() {
        return activation;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList hidden = conv.forward(parameterStore, inputs, training, params);
        NDList raw = pred.forward(parameterStore, hidden, training, params);
        NDArray out = activation.apply(raw.singletonOrThrow());
        // Free what autograd does not keep now rather than at the step's end (see Intermediates).
        Intermediates.release(hidden);
        if (out != raw.singletonOrThrow()) {
            Intermediates.release(raw);
        }
        return new NDList(out);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Layers.withChannels(checkInput(inputShapes[0]), outChannels)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = new Shape[] {checkInput(inputShapes[0])};
        conv.initialize(manager, dataType, shapes);
        pred.initialize(manager, dataType, conv.getOutputShapes(shapes));
    }

    private Shape checkInput(Shape in) {
        return Layers.requireInput("SegNet head", inChannels, in);
    }

    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        StateDictNamed.putConv(prefix + "0.", conv, into);
        StateDictNamed.putConv(prefix + "1.", pred, into);
    }

    @Override
    public String toString() {
        return "SegNetHeadBlock(" + inChannels + " -> " + outChannels + ", " + activation + ")";
    }
}
