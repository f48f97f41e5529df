package org.mtan4j.plugins.moe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mtan4j.blocks.StateDictChecks.trainable;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.Backbone;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.blocks.EngineTest;
import org.mtan4j.blocks.Nyuv2Tasks;
import org.mtan4j.blocks.resnet.DilatedResNet;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * Trainable parameters of each backbone at LibMTL's NYUv2 configuration, against counts derived by hand
 * from the papers' constructions (and LibMTL's): the three NYUv2 tasks, 3x288x384 images, experts that
 * are LibMTL's dilated ResNet-50 (torchvision's {@code resnet50} without {@code fc}: 25,557,032 -
 * 2,049,000 = 23,508,032 parameters) or the paper's SegNet (24,943,296, models.md). A gate is a fully
 * connected layer from the flattened input ({@code D} values) to one logit per expert: {@code E * D +
 * E}. Heads are not included. Built full size one at a time, initialised and never run.
 */
class ParameterCountTest extends EngineTest {

    private static final long RESNET50 = 23_508_032L;
    private static final long SEGNET = 24_943_296L;
    private static final int TASKS = 3;
    /** The flattened image, 3 x 288 x 384. */
    private static final long IMAGE = 3L * 288 * 384;

    private static final String RESNET = EncoderOptions.RESNET50_DILATED;
    private static final List<Integer> R50 = DilatedResNet.RESNET50_BLOCKS;
    private static final List<Integer> PAPER_FILTERS = SegNetTrunk.PAPER_FILTERS;

    /** A softmax gate over {@code experts} experts reading {@code inputs} values. */
    private static long gate(long inputs, int experts) {
        return experts * inputs + experts;
    }

    @Test
    void mmoeWithThreeResNet50Experts() {
        // 3 shared experts; per task one gate over 3 experts: 3 * 331,776 + 3 = 995,331.
        long expected = 3 * RESNET50 + TASKS * gate(IMAGE, 3);
        assertEquals(70_524_096L + 2_985_993L, expected);
        assertEquals(expected, count(new MmoeBackboneProvider(), new MmoeOptions(RESNET, PAPER_FILTERS, 64, R50, 3)));
    }

    @Test
    void mmoeWithTwoSegNetExperts() {
        long expected = 2 * SEGNET + TASKS * gate(IMAGE, 2);
        assertEquals(49_886_592L + 1_990_662L, expected);
        assertEquals(expected, count(new MmoeBackboneProvider(), new MmoeOptions(EncoderOptions.SEGNET, PAPER_FILTERS, 64, R50, 2)));
    }

    @Test
    void cgcWithOneSharedAndOneTaskExpertEach() {
        // 1 shared + 3 task experts; each task's gate weighs the shared one and its own.
        long expected = 4 * RESNET50 + TASKS * gate(IMAGE, 2);
        assertEquals(94_032_128L + 1_990_662L, expected);
        assertEquals(expected, count(new CgcBackboneProvider(), CgcOptions.DEFAULT));
    }

    @Test
    void pleWithFiveLevelsOfOneSharedAndOneTaskExpertEach() {
        // Each level's streams: the image, then the outputs of the stem and layer1..3 at 288x384 (stride 4, 4, 8, 8).
        long[] level = {IMAGE, 64L * 72 * 96, 256L * 72 * 96, 512L * 36 * 48, 1024L * 36 * 48};
        assertEquals(List.of(331_776L, 442_368L, 1_769_472L, 884_736L, 1_769_472L), java.util.Arrays.stream(level).boxed().toList());
        long taskGates = 0;
        long sharedGates = 0;
        for (int j = 0; j < 5; j++) {
            taskGates += TASKS * gate(level[j], 2);
            if (j < 4) {
                // The shared gate weighs every expert: 1 shared + 3 tasks x 1.
                sharedGates += gate(level[j], 4);
            }
        }
        assertEquals(3 * (2 * 5_197_824L + 10), taskGates);
        assertEquals(4 * 3_428_352L + 16, sharedGates);
        long expected = 4 * RESNET50 + taskGates + sharedGates;
        assertEquals(138_932_526L, expected);
        assertEquals(expected, count(new PleBackboneProvider(), PleOptions.DEFAULT));
    }

    @Test
    void dselectKWithTwoExpertsAndTwoSelectors() {
        // Per task: k * log2(n) = 2 selector logits and k = 2 selector weights, each a layer over the image.
        long expected = 2 * RESNET50 + TASKS * (gate(IMAGE, 2) + gate(IMAGE, 2));
        assertEquals(47_016_064L + 3_981_324L, expected);
        assertEquals(expected, count(new DSelectKBackboneProvider(), DSelectKOptions.DEFAULT));
    }

    @Test
    void ltbWithAColumnPerTaskAndFourBranchingStages() {
        // A T x T logit matrix before each of layer1..4 (LibMTL allocates 6 x T x T and uses rows 1-4).
        long expected = TASKS * RESNET50 + 4L * TASKS * TASKS;
        assertEquals(70_524_132L, expected);
        assertEquals(expected, count(new LtbBackboneProvider(), LtbOptions.DEFAULT));
    }

    private <O> long count(BackboneProvider<O> provider, O options) {
        Shape image = new Shape(3, 288, 384);
        try (NDManager scoped = manager.newSubManager()) {
            Backbone backbone = provider.create(options, new BackboneContext(Nyuv2Tasks.ALL, image));
            backbone.block().initialize(scoped, DataType.FLOAT32, new Shape(1).addAll(image));
            return trainable(backbone.block());
        }
    }
}
