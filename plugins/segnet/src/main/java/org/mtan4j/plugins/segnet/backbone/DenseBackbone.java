package org.mtan4j.plugins.segnet.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
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
 * The dense baseline (models.md, "Variants", dense): a shared SegNet and one SegNet per task, each
 * task network reading the shared one at every stage. Every block is one chain of conv-BN-ReLU
 * ({@link ConvUnit#chain}); with filters {@code f}:
 * <ul>
 *   <li>shared encoder stage {@code s}: {@code [C, f0, f0]}, {@code [f0, f1, f1]},
 *       {@code [f[s-1], f[s] x3]} (s >= 2), each followed by a 2x2 max-pool with indices; shared
 *       decoder level {@code L >= 1}: {@code [f1, f0, f0]}, {@code [f[L], f[L-1] x3]}; shared
 *       {@code U[t]} = unpool of the previous shared decoder output ({@code pooled[4]} at t = 0) with
 *       the shared indices of level {@code L = 4 - t};</li>
 *   <li>task encoder stage {@code s}: input {@code concat(task pooled[s-1], shared pooled[s-1])}
 *       (task first; the image at s = 0), blocks {@code [C, f0, f0]}, {@code [2 f0, f1, f1]},
 *       {@code [2 f[s-1], f[s] x3]}; each task pools with its own indices;</li>
 *   <li>task decoder step {@code t}, level {@code L}: input {@code concat(task unpooled, shared U[t])},
 *       blocks {@code [2 f0, 2 f0, f0]} (L = 0), {@code [2 f1, f0, f0]}, {@code [2 f[L], f[L-1] x3]}.
 *       Task {@code i} gets its last output {@code (N, f0, H, W)}.</li>
 * </ul>
 *
 * <p><b>The unused shared decoder block.</b> The reference builds a shared decoder block at level 0,
 * {@code [f0, f0, 13]} (13 = NYUv2's classes, hard-coded there), whose output no task reads. It is
 * built here too (with the first segmentation task's class count, 13 without one) so that parameter
 * counts and {@code state_dict} names match (44,583 parameters with the paper's filters), but it is
 * never run: it gets no gradient, its running statistics stay at their initial values, and it is not
 * among the {@link #sharedParameters() shared parameters}.
 *
 * <p>Initialisation: convolution weights Xavier-uniform (as the reference's dense model), biases 0,
 * BatchNorm weight 1 and bias 0. Shared parameters: the shared network (without its unused block),
 * which every task reads; task networks are task-specific. PyTorch names: {@code encoder_block.<s>.*},
 * {@code decoder_block.<L>.*}, {@code encoder_block_t.<task>.<s>.*}, {@code decoder_block_t.<task>.<L>.*},
 * each block one {@code nn.Sequential} (convolutions at 0, 3, 6, BatchNorms at 1, 4, 7).
 */
public final class DenseBackbone extends AbstractSegNetBackbone {

    /**
     * A dense backbone.
     *
     * @param inChannels image channels
     * @param filters five positive widths
     * @param taskCount number of task networks
     * @param unusedClasses output width of the unused shared decoder block (the reference's 13)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public DenseBackbone(int inChannels, List<Integer> filters, int taskCount, int unusedClasses) {
        super(new DenseBlock(inChannels, filters, taskCount, unusedClasses), false);
    }

    private static final class DenseBlock extends MultiTaskBlock {

        private static final int LEVELS = SegNetTrunk.LEVELS;

        private final List<Integer> f;
        private final List<ConvUnit> encoder = new ArrayList<>();
        /** By level; level 0 is the unused block. */
        private final List<ConvUnit> decoder = new ArrayList<>();
        /** [task][stage]. */
        private final List<List<ConvUnit>> taskEncoder = new ArrayList<>();
        /** [task][level]. */
        private final List<List<ConvUnit>> taskDecoder = new ArrayList<>();

        DenseBlock(int inChannels, List<Integer> filters, int taskCount, int unusedClasses) {
            super(inChannels, filters.get(0), taskCount);
            if (unusedClasses < 1) {
                throw new IllegalArgumentException("unusedClasses must be positive, got " + unusedClasses);
            }
            this.f = List.copyOf(filters);
            // Registration order = the reference's, so DJL lists parameters in PyTorch's order.
            for (int s = 0; s < LEVELS; s++) {
                int in = s == 0 ? inChannels : f.get(s - 1);
                encoder.add(addChildBlock("encoder_block_" + s, chain(SegNetChains.encoder(s, in, f))));
            }
            for (int level = 0; level < LEVELS; level++) {
                List<Integer> widths = level == 0 ? List.of(f.get(0), f.get(0), unusedClasses)
                        : SegNetChains.decoder(level, f.get(level), f);
                decoder.add(addChildBlock("decoder_block_" + level, chain(widths)));
            }
            for (int i = 0; i < taskCount; i++) {
                List<ConvUnit> blocks = new ArrayList<>();
                for (int s = 0; s < LEVELS; s++) {
                    int in = s == 0 ? inChannels : 2 * f.get(s - 1);
                    blocks.add(addChildBlock("encoder_block_t_" + i + "_" + s, chain(SegNetChains.encoder(s, in, f))));
                }
                taskEncoder.add(blocks);
            }
            for (int i = 0; i < taskCount; i++) {
                List<ConvUnit> blocks = new ArrayList<>();
                for (int level = 0; level < LEVELS; level++) {
                    int in = 2 * f.get(level);
                    List<Integer> widths = level == 0 ? List.of(in, in, f.get(0)) : SegNetChains.decoder(level, in, f);
                    blocks.add(addChildBlock("decoder_block_t_" + i + "_" + level, chain(widths)));
                }
                taskDecoder.add(blocks);
            }
        }

        private static ConvUnit chain(List<Integer> widths) {
            return ConvUnit.chain(widths, ConvInit.XAVIER_UNIFORM);
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDArray image = inputs.singletonOrThrow();
            checkInput(image.getShape());
            List<NDArray> pooled = new ArrayList<>();
            List<PoolIndices> indices = new ArrayList<>();
            // Every intermediate handle is closed once read (see Intermediates); only the outputs stay.
            NDArray x = image;
            for (int s = 0; s < LEVELS; s++) {
                NDArray features = SegNetTrunk.apply(encoder.get(s), ps, x, training, params);
                Pooled p = MaxPool2x2.pool(features);
                features.close();
                pooled.add(p.values());
                indices.add(p.indices());
                x = p.values();
            }
            List<NDArray> unpooled = new ArrayList<>();
            for (int t = 0; t < LEVELS; t++) {
                int level = LEVELS - 1 - t;
                unpooled.add(MaxPool2x2.unpool(x, indices.get(level)));
                if (t > 0) {
                    x.close(); // a shared decoder output (pooled[4] before)
                }
                if (level > 0) { // level 0's output is never read (see the class comment)
                    x = SegNetTrunk.apply(decoder.get(level), ps, unpooled.get(t), training, params);
                }
            }
            NDList out = new NDList(taskCount);
            for (int i = 0; i < taskCount; i++) {
                List<PoolIndices> own = new ArrayList<>();
                NDArray y = image;
                for (int s = 0; s < LEVELS; s++) {
                    // Task first; the unit takes the concatenation as its parts and never builds it (ConvUnit).
                    NDList in = s == 0 ? new NDList(image) : new NDList(y, pooled.get(s - 1));
                    NDArray features = taskEncoder.get(i).get(s).forward(ps, in, training, params).singletonOrThrow();
                    Pooled p = MaxPool2x2.pool(features);
                    Intermediates.release(s == 0 ? null : y, features);
                    own.add(p.indices());
                    y = p.values();
                }
                for (int t = 0; t < LEVELS; t++) {
                    int level = LEVELS - 1 - t;
                    NDArray mine = MaxPool2x2.unpool(y, own.get(level));
                    Intermediates.release(y, own.get(level).flat());
                    y = taskDecoder.get(i).get(level).forward(ps, new NDList(mine, unpooled.get(t)), training, params)
                            .singletonOrThrow();
                    mine.close();
                }
                out.add(y);
            }
            Intermediates.release(new NDList(pooled), new NDList(unpooled));
            indices.forEach(i -> i.flat().close());
            return out;
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape in = checkInput(inputShapes[0]);
            initializeColumns(manager, dataType, in, List.of(encoder, decoder));
            initializeColumns(manager, dataType, in, taskEncoder);
            initializeColumns(manager, dataType, in, taskDecoder);
        }

        /** The shared network without its unused level-0 decoder block; with one task, all it uses. */
        @Override
        List<Parameter> usedBySeveralTasks() {
            List<Parameter> shared = new ArrayList<>();
            encoder.forEach(b -> shared.addAll(b.getParameters().values()));
            for (int level = 1; level < LEVELS; level++) {
                shared.addAll(decoder.get(level).getParameters().values());
            }
            if (taskCount == 1) {
                taskEncoder.get(0).forEach(b -> shared.addAll(b.getParameters().values()));
                taskDecoder.get(0).forEach(b -> shared.addAll(b.getParameters().values()));
            }
            return Collections.unmodifiableList(shared);
        }

        @Override
        public void putStateDictEntries(String prefix, Map<String, Parameter> into) {
            StateDictNamed.putModuleList(prefix + "encoder_block.", encoder, into);
            StateDictNamed.putModuleList(prefix + "decoder_block.", decoder, into);
            StateDictNamed.putModuleLists(prefix + "encoder_block_t.", taskEncoder, into);
            StateDictNamed.putModuleLists(prefix + "decoder_block_t.", taskDecoder, into);
        }

        @Override
        public String toString() {
            return "DenseBackbone(filters " + f + ", " + taskCount + " tasks)";
        }
    }
}
