package org.mtan4j.plugins.segnet.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.mtan4j.blocks.AttentionLayer;
import org.mtan4j.blocks.ConvInit;
import org.mtan4j.blocks.ConvUnit;
import org.mtan4j.blocks.Intermediates;
import org.mtan4j.blocks.StateDictNamed;
import org.mtan4j.blocks.sampling.AlignCornersBilinear;
import org.mtan4j.blocks.segnet.SegNetTrace;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * The Multi-Task Attention Network on SegNet (models.md, "Variants", mtan; with one task, STAN): a
 * shared {@link SegNetTrunk} plus, per task, one {@link AttentionLayer} per encoder stage and per
 * decoder level, and shared "block_att" conv units. With filters {@code f} and
 * {@code o(L) = L == 0 ? f0 : f[L-1]} (the decoder's output width at level L):
 * <ul>
 *   <li>encoder stage {@code s}: mask = attention({@code s == 0 ? E0[0] : concat(E0[s], a[s-1])})
 *       with channels {@code (s == 0 ? f0 : 2 f[s], f[s], f[s])}; features = mask * {@code E1[s]};
 *       then the shared encoder block_att unit {@code f[s] -> f[s+1]} ({@code f4 -> f4} at s = 4)
 *       and a plain 2x2 max-pool: {@code a[s]};</li>
 *   <li>decoder step {@code t}, level {@code L = 4 - t}: {@code b} = bilinear x2 upsampling
 *       ({@code align_corners=True}, {@link AlignCornersBilinear}) of the previous attention features
 *       ({@code a[4]} at t = 0), then the shared decoder block_att unit {@code f[L] -> o(L)}; mask =
 *       attention({@code concat(U[t], b)}) with channels {@code (f[L] + o(L), o(L), o(L))}; output =
 *       mask * {@code D[t]}.</li>
 * </ul>
 * Shared features always come first in a concatenation; the attention layers take the concatenation
 * as its two parts and never build it. Task {@code i} gets its last decoder output,
 * {@code (N, f0, H, W)}. With the paper's filters the block has 44,117,184 trainable parameters for
 * three tasks (the reference's 44,229,076 minus three heads and {@code logsigma}).
 *
 * <p>The reference builds the level-4 decoder block_att as {@code f4 -> f4}; {@code f4 -> f3} is used
 * here, the only width that fits the attention layer for any filters, identical for the paper's
 * ({@code f3 = f4 = 512}).
 *
 * <p>Shared parameters: the trunk and the block_att units (every task's attention path runs through
 * them); the attention layers are task-specific. PyTorch names: the trunk's, then
 * {@code encoder_att.<task>.<s>.*}, {@code decoder_att.<task>.<L>.*}, {@code encoder_block_att.<s>.*},
 * {@code decoder_block_att.<L>.*}; DJL children are registered in that order.
 */
public final class MtanBackbone extends AbstractSegNetBackbone {

    private final MtanBlock mtan;

    /**
     * An MTAN backbone.
     *
     * @param trunk the shared SegNet (one convolution per unit)
     * @param taskCount number of tasks, each with its attention branch
     * @param oneTaskNames name as the reference's STAN (head {@code pred_task.}); needs one task
     * @throws IllegalArgumentException if {@code taskCount} is not positive or does not fit the naming
     */
    public MtanBackbone(SegNetTrunk trunk, int taskCount, boolean oneTaskNames) {
        this(new MtanBlock(trunk, taskCount), oneTaskNames);
    }

    private MtanBackbone(MtanBlock block, boolean oneTaskNames) {
        super(block, oneTaskNames);
        this.mtan = block;
    }

    /** The shared SegNet. */
    public SegNetTrunk trunk() {
        return mtan.trunk;
    }

    private static final class MtanBlock extends MultiTaskBlock {

        private static final int LEVELS = SegNetTrunk.LEVELS;

        private final SegNetTrunk trunk;
        private final List<Integer> f;
        /** [task][stage]. */
        private final List<List<AttentionLayer>> encoderAtt = new ArrayList<>();
        /** [task][level]. */
        private final List<List<AttentionLayer>> decoderAtt = new ArrayList<>();
        private final List<ConvUnit> encoderBlockAtt = new ArrayList<>();
        private final List<ConvUnit> decoderBlockAtt = new ArrayList<>();

        MtanBlock(SegNetTrunk trunk, int taskCount) {
            super(trunk.inChannels(), trunk.outChannels(), taskCount);
            if (trunk.depth() != 1) {
                throw new IllegalArgumentException("MTAN is built on the standard SegNet (one convolution per unit)");
            }
            this.trunk = addChildBlock("trunk", trunk);
            this.f = trunk.filters();
            // Registration order = the reference's, so DJL lists parameters in PyTorch's order.
            for (int i = 0; i < taskCount; i++) {
                List<AttentionLayer> layers = new ArrayList<>();
                for (int s = 0; s < LEVELS; s++) {
                    int in = s == 0 ? f.get(0) : 2 * f.get(s);
                    layers.add(addChildBlock("encoder_att_" + i + "_" + s, new AttentionLayer(in, f.get(s), f.get(s), ConvInit.XAVIER_NORMAL)));
                }
                encoderAtt.add(layers);
            }
            for (int i = 0; i < taskCount; i++) {
                List<AttentionLayer> layers = new ArrayList<>();
                for (int level = 0; level < LEVELS; level++) {
                    int o = out(level);
                    layers.add(addChildBlock("decoder_att_" + i + "_" + level, new AttentionLayer(f.get(level) + o, o, o, ConvInit.XAVIER_NORMAL)));
                }
                decoderAtt.add(layers);
            }
            for (int s = 0; s < LEVELS; s++) {
                int next = s + 1 < LEVELS ? f.get(s + 1) : f.get(s);
                encoderBlockAtt.add(addChildBlock("encoder_block_att_" + s, new ConvUnit(f.get(s), next, 1, ConvInit.XAVIER_NORMAL)));
            }
            for (int level = 0; level < LEVELS; level++) {
                decoderBlockAtt.add(addChildBlock("decoder_block_att_" + level, new ConvUnit(f.get(level), out(level), 1, ConvInit.XAVIER_NORMAL)));
            }
        }

        /** The decoder's output width at level L: {@code f0} at L = 0, else {@code f[L-1]}. */
        private int out(int level) {
            return level == 0 ? f.get(0) : f.get(level - 1);
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                PairList<String, Object> params) {
            SegNetTrace g = trunk.trace(ps, inputs.singletonOrThrow(), training, params);
            NDList out = new NDList(taskCount);
            // Every intermediate handle is closed once read (see Intermediates); only the outputs stay.
            for (int i = 0; i < taskCount; i++) {
                NDArray a = null;
                for (int s = 0; s < LEVELS; s++) {
                    NDArray e0 = g.encoderUnits().get(s);
                    // The attention input goes in as its parts, shared first: no concatenated copy (AttentionLayer).
                    NDList attIn = s == 0 ? new NDList(e0) : new NDList(e0, a);
                    NDArray mask = encoderAtt.get(i).get(s).forward(ps, attIn, training, params).singletonOrThrow();
                    NDArray masked = mask.mul(g.encoderBlocks().get(s));
                    NDArray unit = SegNetTrunk.apply(encoderBlockAtt.get(s), ps, masked, training, params);
                    Intermediates.release(a, mask, masked);
                    // A plain max-pool: the attention path keeps no indices (models.md).
                    a = Pool.maxPool2d(unit, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
                    unit.close();
                }
                for (int t = 0; t < LEVELS; t++) {
                    int level = LEVELS - 1 - t;
                    NDArray upsampled = AlignCornersBilinear.upsample2x(a);
                    NDArray b = SegNetTrunk.apply(decoderBlockAtt.get(level), ps, upsampled, training, params);
                    NDList attIn = new NDList(g.upsampled().get(t), b);
                    NDArray mask = decoderAtt.get(i).get(level).forward(ps, attIn, training, params).singletonOrThrow();
                    Intermediates.release(a, upsampled, b);
                    a = mask.mul(g.decoderBlocks().get(t));
                    mask.close();
                }
                out.add(a);
            }
            g.releaseAllBut(null);
            return out;
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape in = checkInput(inputShapes[0]);
            trunk.initialize(manager, dataType, in);
            for (int i = 0; i < taskCount; i++) {
                for (int s = 0; s < LEVELS; s++) {
                    AttentionLayer layer = encoderAtt.get(i).get(s);
                    layer.initialize(manager, dataType, atLevel(in, layer.inChannels(), s));
                }
            }
            for (int i = 0; i < taskCount; i++) {
                for (int level = 0; level < LEVELS; level++) {
                    AttentionLayer layer = decoderAtt.get(i).get(level);
                    layer.initialize(manager, dataType, atLevel(in, layer.inChannels(), level));
                }
            }
            for (int s = 0; s < LEVELS; s++) {
                encoderBlockAtt.get(s).initialize(manager, dataType, atLevel(in, f.get(s), s));
            }
            for (int level = 0; level < LEVELS; level++) {
                decoderBlockAtt.get(level).initialize(manager, dataType, atLevel(in, f.get(level), level));
            }
        }

        /** The trunk and the block_att units; with one task, everything. */
        @Override
        List<Parameter> usedBySeveralTasks() {
            if (taskCount == 1) {
                return getParameters().values();
            }
            List<Parameter> shared = new ArrayList<>(trunk.getParameters().values());
            encoderBlockAtt.forEach(u -> shared.addAll(u.getParameters().values()));
            decoderBlockAtt.forEach(u -> shared.addAll(u.getParameters().values()));
            return Collections.unmodifiableList(shared);
        }

        @Override
        public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
            trunk.putStateDictEntries(prefix, into);
            StateDictNamed.putModuleLists(prefix + "encoder_att.", encoderAtt, into);
            StateDictNamed.putModuleLists(prefix + "decoder_att.", decoderAtt, into);
            StateDictNamed.putModuleList(prefix + "encoder_block_att.", encoderBlockAtt, into);
            StateDictNamed.putModuleList(prefix + "decoder_block_att.", decoderBlockAtt, into);
        }

        @Override
        public String toString() {
            return "MtanBackbone(" + trunk + ", " + taskCount + " tasks)";
        }
    }
}
