package org.mtan4j.plugins.segnet.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.mtan4j.blocks.ConvInit;
import org.mtan4j.blocks.ConvUnit;
import org.mtan4j.blocks.Intermediates;
import org.mtan4j.blocks.StateDictNamed;
import org.mtan4j.blocks.sampling.MaxPool2x2;
import org.mtan4j.blocks.sampling.PoolIndices;
import org.mtan4j.blocks.sampling.Pooled;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * The cross-stitch baseline (models.md, "Variants", cross): one SegNet per task whose stages are
 * mixed by learned scalars, exactly as the reference computes them. With {@code K} tasks and filters
 * {@code f}:
 * <ul>
 *   <li>task blocks (one conv-BN-ReLU chain each): encoder {@code [C, f0, f0]}, {@code [f0, f1, f1]},
 *       {@code [f[s-1], f[s] x3]}; decoder by level {@code [f0, f0, f0]}, {@code [f1, f0, f0]},
 *       {@code [f[L], f[L-1] x3]};</li>
 *   <li>{@code cs_unit_encoder} {@code (4, K)} and {@code cs_unit_decoder} {@code (5, K)}, initialised
 *       to ones;</li>
 *   <li>encoder stage {@code s >= 1}: every task's input is the same mix
 *       {@code sum_k cs_enc[s-1][k] * pooled_k[s-1]} (one scalar per source task, shared by all
 *       targets); each task pools with its own indices;</li>
 *   <li>decoder step {@code t}: mix = {@code sum_k cs_dec[t][k] * src_k} with {@code src_k} task k's
 *       stage-4 pooled output at t = 0, else its previous decoder output; each task unpools the mix
 *       with its own indices of level {@code L = 4 - t} and applies its level-L block. Task
 *       {@code i} gets its last output {@code (N, f0, H, W)}.</li>
 * </ul>
 *
 * <p>Shared parameters follow from the mixing: every task's output depends on every task's encoder
 * and on every decoder block above level 0, and on the cross-stitch units; only each task's level-0
 * decoder block (which reads the last mix and feeds that task alone) is task-specific.
 *
 * <p>Initialisation: convolution weights Xavier-uniform (as the reference's cross-stitch model),
 * biases 0, BatchNorm weight 1 and bias 0, cross-stitch units 1. PyTorch names:
 * {@code cs_unit_encoder}, {@code cs_unit_decoder}, {@code encoder_block_t.<task>.<s>.*},
 * {@code decoder_block_t.<task>.<L>.*}.
 */
public final class CrossStitchBackbone extends AbstractSegNetBackbone {

    /**
     * A cross-stitch backbone.
     *
     * @param inChannels image channels
     * @param filters five positive widths
     * @param taskCount number of task networks, at least 2
     * @throws IllegalArgumentException if an argument is out of range
     */
    public CrossStitchBackbone(int inChannels, List<Integer> filters, int taskCount) {
        super(new CrossStitchBlock(inChannels, filters, taskCount), false);
    }

    private static final class CrossStitchBlock extends MultiTaskBlock {

        private static final int LEVELS = SegNetTrunk.LEVELS;

        private final List<Integer> f;
        private final Parameter csEncoder;
        private final Parameter csDecoder;
        /** [task][stage]. */
        private final List<List<ConvUnit>> taskEncoder = new ArrayList<>();
        /** [task][level]. */
        private final List<List<ConvUnit>> taskDecoder = new ArrayList<>();

        CrossStitchBlock(int inChannels, List<Integer> filters, int taskCount) {
            super(inChannels, filters.get(0), taskCount);
            if (taskCount < 2) {
                throw new IllegalArgumentException("cross-stitch mixes tasks: it needs at least 2, got " + taskCount);
            }
            this.f = List.copyOf(filters);
            csEncoder = addParameter(Parameter.builder().setName("cs_unit_encoder").setType(Parameter.Type.OTHER)
                    .optShape(new Shape(LEVELS - 1, taskCount)).optInitializer(Initializer.ONES).build());
            csDecoder = addParameter(Parameter.builder().setName("cs_unit_decoder").setType(Parameter.Type.OTHER)
                    .optShape(new Shape(LEVELS, taskCount)).optInitializer(Initializer.ONES).build());
            for (int i = 0; i < taskCount; i++) {
                List<ConvUnit> blocks = new ArrayList<>();
                for (int s = 0; s < LEVELS; s++) {
                    int in = s == 0 ? inChannels : f.get(s - 1);
                    blocks.add(addChildBlock("encoder_block_t_" + i + "_" + s,
                            ConvUnit.chain(SegNetChains.encoder(s, in, f), ConvInit.XAVIER_UNIFORM)));
                }
                taskEncoder.add(blocks);
            }
            for (int i = 0; i < taskCount; i++) {
                List<ConvUnit> blocks = new ArrayList<>();
                for (int level = 0; level < LEVELS; level++) {
                    List<Integer> widths = level == 0 ? List.of(f.get(0), f.get(0), f.get(0))
                            : SegNetChains.decoder(level, f.get(level), f);
                    blocks.add(addChildBlock("decoder_block_t_" + i + "_" + level,
                            ConvUnit.chain(widths, ConvInit.XAVIER_UNIFORM)));
                }
                taskDecoder.add(blocks);
            }
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDArray image = inputs.singletonOrThrow();
            checkInput(image.getShape());
            NDArray csEnc = ps.getValue(csEncoder, image.getDevice(), training);
            NDArray csDec = ps.getValue(csDecoder, image.getDevice(), training);
            List<List<PoolIndices>> indices = new ArrayList<>();
            for (int i = 0; i < taskCount; i++) {
                indices.add(new ArrayList<>());
            }
            // Every intermediate handle is closed once read (see Intermediates); only the outputs stay.
            List<NDArray> current = new ArrayList<>();
            NDArray mix = image;
            for (int s = 0; s < LEVELS; s++) {
                List<NDArray> next = new ArrayList<>();
                for (int i = 0; i < taskCount; i++) {
                    NDArray features = SegNetTrunk.apply(taskEncoder.get(i).get(s), ps, mix, training, params);
                    Pooled p = MaxPool2x2.pool(features);
                    features.close();
                    indices.get(i).add(p.indices());
                    next.add(p.values());
                }
                Intermediates.release(s == 0 ? null : mix, new NDList(current));
                current = next;
                if (s + 1 < LEVELS) {
                    mix = stitch(csEnc, s, current);
                }
            }
            for (int t = 0; t < LEVELS; t++) {
                int level = LEVELS - 1 - t;
                mix = stitch(csDec, t, current);
                Intermediates.release(new NDList(current));
                List<NDArray> next = new ArrayList<>();
                for (int i = 0; i < taskCount; i++) {
                    PoolIndices winners = indices.get(i).get(level);
                    NDArray unpooled = MaxPool2x2.unpool(mix, winners);
                    next.add(SegNetTrunk.apply(taskDecoder.get(i).get(level), ps, unpooled, training, params));
                    Intermediates.release(unpooled, winners.flat());
                }
                mix.close();
                current = next;
            }
            return new NDList(current);
        }

        /** {@code sum_k units[row][k] * sources[k]}: the one mix every task reads. */
        private static NDArray stitch(NDArray units, int row, List<NDArray> sources) {
            NDArray sum = null;
            for (int k = 0; k < sources.size(); k++) {
                NDArray unit = units.get(row, k);
                NDArray term = sources.get(k).mul(unit);
                unit.close();
                if (sum == null) {
                    sum = term;
                } else {
                    NDArray previous = sum;
                    sum = previous.add(term);
                    Intermediates.release(previous, term);
                }
            }
            return sum;
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape in = checkInput(inputShapes[0]);
            initializeColumns(manager, dataType, in, taskEncoder);
            initializeColumns(manager, dataType, in, taskDecoder);
        }

        /** Everything but each task's level-0 decoder block (see the class comment). */
        @Override
        List<Parameter> usedBySeveralTasks() {
            List<Parameter> shared = new ArrayList<>(List.of(csEncoder, csDecoder));
            taskEncoder.forEach(blocks -> blocks.forEach(b -> shared.addAll(b.getParameters().values())));
            for (List<ConvUnit> blocks : taskDecoder) {
                for (int level = 1; level < LEVELS; level++) {
                    shared.addAll(blocks.get(level).getParameters().values());
                }
            }
            return Collections.unmodifiableList(shared);
        }

        @Override
        public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
            into.put(prefix + "cs_unit_encoder", csEncoder);
            into.put(prefix + "cs_unit_decoder", csDecoder);
            StateDictNamed.putModuleLists(prefix + "encoder_block_t.", taskEncoder, into);
            StateDictNamed.putModuleLists(prefix + "decoder_block_t.", taskDecoder, into);
        }

        @Override
        public String toString() {
            return "CrossStitchBackbone(filters " + f + ", " + taskCount + " tasks)";
        }
    }
}
