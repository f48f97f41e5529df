package org.mtan4j.plugins.moe.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.mtan4j.blocks.Intermediates;

/**
 * A shared encoder cut into stages that run one after another: an image batch to one feature map.
 * The architectures of this plugin copy it (every expert and every LTB column is one copy) and run the
 * copies stage by stage where they mix them between stages (PLE, LTB). A stage may leave state for a
 * later stage of the same pass (SegNet's decoder unpools with its encoder's pooling winners): an
 * {@link EncoderPass}, one per copy and image stream.
 *
 * <p>The whole forward, {@code NDList(image)} to {@code NDList(features)}, is every stage in one pass.
 */
public abstract class StagedEncoder extends AbstractBlock {

    private static final byte VERSION = 1;

    /** A block; the subclass adds its network as a child. */
    protected StagedEncoder() {
        super(VERSION);
    }

    /** The number of stages. */
    public abstract int stageCount();

    /** Channels of the output map (of the last stage). */
    public abstract int outChannels();

    /** A new pass: the state one image stream's stages hand each other. Close it when the pass is done. */
    public EncoderPass newPass() {
        return new EncoderPass();
    }

    /**
     * Runs stage {@code stage} of the pass on {@code x}, the previous stage's output (the image at stage
     * 0) or a mixture of such outputs; {@code x} is left open.
     */
    public abstract NDArray forwardStage(EncoderPass pass, int stage, ParameterStore ps, NDArray x, boolean training,
            PairList<String, Object> params);

    /** The output shape of stage {@code stage} for an input of shape {@code in}. */
    public abstract Shape stageOutputShape(int stage, Shape in);

    /** The parameters of stage {@code stage} (BatchNorm running statistics included). */
    public abstract List<Parameter> stageParameters(int stage);

    /**
     * Checks an image batch's shape and returns it.
     *
     * @throws IllegalArgumentException naming what the encoder takes
     */
    public abstract Shape checkImages(Shape images);

    /**
     * Runs stages {@code from} (inclusive) to {@code to} (exclusive) of the pass on {@code x}, releasing
     * the maps between them; {@code x} is left open. With {@code from == to}, {@code x} itself.
     */
    public final NDArray forwardStages(EncoderPass pass, int from, int to, ParameterStore ps, NDArray x, boolean training,
            PairList<String, Object> params) {
        NDArray y = x;
        for (int s = from; s < to; s++) {
            NDArray next = forwardStage(pass, s, ps, y, training, params);
            if (y != x) {
                Intermediates.release(y);
            }
            y = next;
        }
        return y;
    }

    /** The output shape of stages {@code from} to {@code to} (exclusive) for an input of shape {@code in}. */
    public final Shape stagesOutputShape(int from, int to, Shape in) {
        Shape shape = in;
        for (int s = from; s < to; s++) {
            shape = stageOutputShape(s, shape);
        }
        return shape;
    }

    @Override
    protected final NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray image = inputs.singletonOrThrow();
        checkImages(image.getShape());
        try (EncoderPass pass = newPass()) {
            return new NDList(forwardStages(pass, 0, stageCount(), ps, image, training, params));
        }
    }

    /** Initialises the network (the subclass's child blocks) for the checked image shape. */
    @Override
    protected final void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape images = checkImages(inputShapes[0]);
        getChildren().values().forEach(child -> child.initialize(manager, dataType, images));
    }

    @Override
    public final Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {stagesOutputShape(0, stageCount(), checkImages(inputShapes[0]))};
    }
}
