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
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mtan4j.blocks.ConvInit;
import org.mtan4j.blocks.Intermediates;
import org.mtan4j.blocks.Layers;
import org.mtan4j.blocks.StateDictNamed;

/**
 * torchvision's ResNet (v1.5, bottleneck blocks) without its pooling and classifier, dilated as the
 * reference's {@code ResnetDilated(dilate_scale=8)} (models.md, ResNet-MTAN; LibMTL's
 * {@code resnet_dilated}): output stride 8. The stem is a 7x7 convolution (stride 2, padding 3, no
 * bias), BatchNorm, ReLU and a 3x3 max-pool (stride 2, padding 1); stage {@code s = 0..3}
 * ({@code layer<s+1>}) has {@code blocks[s]} {@link Bottleneck}s of {@code base * 2^s} planes and
 * {@code 4 * base * 2^s} output channels. Stage 2 (the second) halves the resolution; stages 3 and 4
 * keep it, their first 3x3 convolution dilated {@code 2^(s-2)} and the others {@code 2^(s-1)}
 * ({@link #block}). Convolutions start as torchvision's (Kaiming-normal over fan-out), BatchNorm 1/0.
 *
 * <p>Forward: {@code NDList(image (N, C, H, W))} to {@code (N, 4 * 8 * base, H/8, W/8)}, H and W
 * multiples of 8; with {@code base = 64} and {@code blocks = [3, 4, 6, 3]} it is ResNet-50's trunk,
 * 23,508,032 trainable parameters ({@code resnet50} without {@code fc}: 25,557,032 - 2,049,000).
 * {@link #forwardStem} and {@link #forwardStage} run it piece by piece. PyTorch names: torchvision's
 * ({@code conv1}, {@code bn1}, {@code layer<s>.<k>.*}); DJL child names {@code conv1}, {@code bn1},
 * {@code layer<s>_<k>}.
 */
public final class DilatedResNet extends AbstractBlock implements StateDictNamed {

    /** ResNet-50's bottlenecks per stage. */
    public static final List<Integer> RESNET50_BLOCKS = List.of(3, 4, 6, 3);

    /** ResNet-50's base width. */
    public static final int RESNET50_BASE = 64;

    /** Bottleneck stages (after the stem). */
    public static final int STAGES = 4;

    /** How much smaller the output is than the image. */
    public static final int OUTPUT_STRIDE = 8;

    private static final byte VERSION = 1;
    private static final ConvInit INIT = ConvInit.KAIMING_NORMAL_FAN_OUT;

    private final int inChannels;
    private final int base;
    private final Conv2d stemConv;
    private final BatchNorm stemNorm;
    private final List<List<Bottleneck>> stages = new ArrayList<>();

    /**
     * A trunk.
     *
     * @param inChannels image channels
     * @param base the stem's channels and stage 1's planes (64 in ResNet-50)
     * @param blocks bottlenecks per stage, four positive counts
     * @throws IllegalArgumentException if an argument is out of range
     */
    public DilatedResNet(int inChannels, int base, List<Integer> blocks) {
        super(VERSION);
        Objects.requireNonNull(blocks, "blocks is null");
        if (inChannels < 1 || base < 1 || blocks.size() != STAGES || blocks.stream().anyMatch(b -> b == null || b < 1)) {
            throw new IllegalArgumentException("a dilated ResNet needs positive channels and base width and " + STAGES
                    + " positive stage depths, got " + inChannels + ", " + base + ", " + blocks);
        }
        this.inChannels = inChannels;
        this.base = base;
        stemConv = addChildBlock("conv1", stemConv(inChannels, base));
        stemNorm = addChildBlock("bn1", Layers.batchNorm());
        for (int s = 0; s < STAGES; s++) {
            List<Bottleneck> stage = new ArrayList<>();
            for (int k = 0; k < blocks.get(s); k++) {
                stage.add(addChildBlock("layer" + (s + 1) + "_" + k, block(s, k, base, INIT)));
            }
            stages.add(stage);
        }
    }

    /** The stem's 7x7 convolution, stride 2, no bias (padding 3: {@link Layers#conv} pads {@code kernel / 2}). */
    public static Conv2d stemConv(int inChannels, int base) {
        return Layers.conv(inChannels, base, 7, 2, 1, false, INIT);
    }

    /** The stem's end after its BatchNorm: ReLU, then a 3x3 max-pool with stride 2 and padding 1. */
    public static NDArray stemActivationAndPool(NDArray normalised) {
        return Pool.maxPool2d(Activation.relu(normalised), new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false);
    }

    /**
     * Bottleneck {@code k} of stage {@code s} (0-based): torchvision's {@code layer<s+1>[k]} with
     * {@code ResnetDilated(8)}'s change. Block 0 takes the previous stage's channels (the stem's
     * {@code base} at stage 0), has a projection shortcut and stage 1's stride 2; stages 2 and 3 lose
     * their stride, block 0 dilated {@code 2^(s-2)}, the others {@code 2^(s-1)}.
     *
     * @param init how its convolutions start
     */
    public static Bottleneck block(int s, int k, int base, ConvInit init) {
        int planes = base << s;
        int firstDilation = s < 2 ? 1 : 1 << (s - 2);
        int laterDilation = s < 2 ? 1 : 1 << (s - 1);
        if (k == 0) {
            int in = s == 0 ? base : stageChannels(s - 1, base);
            return new Bottleneck(in, planes, s == 1 ? 2 : 1, firstDilation, true, init);
        }
        return new Bottleneck(stageChannels(s, base), planes, 1, laterDilation, false, init);
    }

    /** Output channels of stage {@code s}: {@code 4 * base * 2^s}. */
    public static int stageChannels(int s, int base) {
        return Bottleneck.EXPANSION * (base << s);
    }

    /** Output channels: {@code 32 * base} (2048 for ResNet-50). */
    public int outChannels() {
        return stageChannels(STAGES - 1, base);
    }

    /** The stem's parameters: its convolution's, then its BatchNorm's (running statistics included). */
    public List<Parameter> stemParameters() {
        List<Parameter> parameters = new ArrayList<>(stemConv.getParameters().values());
        parameters.addAll(stemNorm.getParameters().values());
        return parameters;
    }

    /** The stem's channels, {@code base}. */
    public int stemChannels() {
        return base;
    }

    /** Stage {@code s}'s bottlenecks (read-only). */
    public List<Bottleneck> stage(int s) {
        return Collections.unmodifiableList(stages.get(s));
    }

    /** The stem: {@code (N, C, H, W)} to {@code (N, base, H/4, W/4)}. */
    public NDArray forwardStem(ParameterStore ps, NDArray image, boolean training, PairList<String, Object> params) {
        NDList x = stemConv.forward(ps, new NDList(image), training, params);
        return stemActivationAndPool(stemNorm.forward(ps, x, training, params).singletonOrThrow());
    }

    /** Stage {@code s}'s bottlenecks, one after another ({@code x} is left open, the maps between them released). */
    public NDArray forwardStage(int s, ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        NDArray y = x;
        for (Bottleneck block : stages.get(s)) {
            NDArray next = block.forward(ps, new NDList(y), training, params).singletonOrThrow();
            if (y != x) {
                Intermediates.release(y);
            }
            y = next;
        }
        return y;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray image = inputs.singletonOrThrow();
        checkImages(image.getShape());
        NDArray x = forwardStem(ps, image, training, params);
        for (int s = 0; s < STAGES; s++) {
            NDArray next = forwardStage(s, ps, x, training, params);
            Intermediates.release(x);
            x = next;
        }
        return new NDList(x);
    }

    /** The stem's output shape for an image batch. */
    public Shape stemOutputShape(Shape images) {
        Shape in = checkImages(images);
        return new Shape(in.get(0), base, in.get(2) / 4, in.get(3) / 4);
    }

    /** Stage {@code s}'s output shape for its input shape. */
    public Shape stageOutputShape(int s, Shape in) {
        Shape[] shapes = new Shape[] {in};
        for (Bottleneck block : stages.get(s)) {
            shapes = block.getOutputShapes(shapes);
        }
        return shapes[0];
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = checkImages(inputShapes[0]);
        return new Shape[] {new Shape(in.get(0), outChannels(), in.get(2) / OUTPUT_STRIDE, in.get(3) / OUTPUT_STRIDE)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] s = new Shape[] {checkImages(inputShapes[0])};
        stemConv.initialize(manager, dataType, s);
        stemNorm.initialize(manager, dataType, stemConv.getOutputShapes(s));
        Shape x = stemOutputShape(s[0]);
        for (List<Bottleneck> stage : stages) {
            for (Bottleneck block : stage) {
                block.initialize(manager, dataType, x);
                x = block.getOutputShapes(new Shape[] {x})[0];
            }
        }
    }

    /**
     * Checks an image batch's shape and returns it.
     *
     * @throws IllegalArgumentException unless it is {@code (N, inChannels, H, W)} with H and W positive
     *     multiples of 8
     */
    public Shape checkImages(Shape in) {
        if (in.dimension() != 4 || in.get(1) != inChannels || in.get(2) % OUTPUT_STRIDE != 0 || in.get(3) % OUTPUT_STRIDE != 0
                || in.get(2) < OUTPUT_STRIDE || in.get(3) < OUTPUT_STRIDE) {
            throw new IllegalArgumentException("the dilated ResNet expects images (N, " + inChannels + ", H, W) with H and W"
                    + " positive multiples of " + OUTPUT_STRIDE + ", got " + in);
        }
        return in;
    }

    /** torchvision's names: {@code conv1}, {@code bn1}, {@code layer<s>.<k>.*}. */
    @Override
    public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
        StateDictNamed.putConvNorm(prefix + "conv1.", stemConv, prefix + "bn1.", stemNorm, into);
        for (int s = 0; s < STAGES; s++) {
            StateDictNamed.putModuleList(prefix + "layer" + (s + 1) + ".", stages.get(s), into);
        }
    }

    @Override
    public String toString() {
        return "DilatedResNet(base " + base + ", blocks " + stages.stream().map(List::size).toList() + ")";
    }
}
