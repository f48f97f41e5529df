package org.mtan4j.plugins.segnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mtan4j.blocks.Nyuv2Tasks.DEPTH;
import static org.mtan4j.blocks.Nyuv2Tasks.NORMAL;
import static org.mtan4j.blocks.Nyuv2Tasks.SEMANTIC;
import static org.mtan4j.blocks.StateDictChecks.assertEveryParameterNamedOnce;
import static org.mtan4j.blocks.StateDictChecks.assertSameEntries;
import static org.mtan4j.blocks.StateDictChecks.shapes;
import static org.mtan4j.blocks.StateDictChecks.trainable;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.contract.ReferenceStateDict;
import org.mtan4j.blocks.EngineTest;
import org.mtan4j.blocks.Nyuv2Tasks;
import org.mtan4j.blocks.StateDictChecks;
import org.mtan4j.plugins.segnet.backbone.SegNetBackbone;
import org.mtan4j.blocks.segnet.SegNetTrunk;
import org.mtan4j.plugins.segnet.head.SegNetHead;

/**
 * Every SegNet row of models.md's parameter table, built full size with the paper's filters and the
 * NYUv2 tasks, against the reference: the trainable parameter count, and every name and shape of the
 * reference's {@code state_dict} ({@code state_dict_shapes/<variant>.txt}, copied to the test
 * resources), buffers included, as produced by {@link SegNetBackbone#stateDictEntries()} plus the
 * heads under {@link SegNetBackbone#headPrefix}.
 *
 * <p>The multi-task rows of the table include the three {@code logsigma} values of uncertainty
 * weighting. Here they belong to the weighting, not the network, so for the variants whose reference
 * lists {@code logsigma} the expected count is the table's minus 3 and {@code logsigma} is left out
 * of the name comparison. PyTorch's {@code num_batches_tracked} buffers have no DJL counterpart and
 * are skipped (see {@link ReferenceStateDict}).
 *
 * <p>Models are initialised at 32x32 and never run, to stay quick; they are built one at a time in a
 * manager closed afterwards (the dense model alone holds half a gigabyte).
 */
class ParameterCountTest extends EngineTest {

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of("single-semantic", new SingleBackboneProvider(), SegNetOptions.DEFAULT, List.of(SEMANTIC), 24_981_069L),
                Arguments.of("single-depth", new SingleBackboneProvider(), SegNetOptions.DEFAULT, List.of(DEPTH), 24_980_289L),
                Arguments.of("single-normal", new SingleBackboneProvider(), SegNetOptions.DEFAULT, List.of(NORMAL), 24_980_419L),
                Arguments.of("stan-semantic", new StanBackboneProvider(), SegNetOptions.DEFAULT, List.of(SEMANTIC), 38_185_805L),
                Arguments.of("stan-depth", new StanBackboneProvider(), SegNetOptions.DEFAULT, List.of(DEPTH), 38_185_025L),
                Arguments.of("stan-normal", new StanBackboneProvider(), SegNetOptions.DEFAULT, List.of(NORMAL), 38_185_155L),
                Arguments.of("split-standard", new SplitBackboneProvider(), SplitOptions.DEFAULT, Nyuv2Tasks.ALL, 25_055_188L),
                Arguments.of("split-deep", new SplitBackboneProvider(), new SplitOptions(SegNetTrunk.PAPER_FILTERS, "deep"), Nyuv2Tasks.ALL,
                        50_807_764L),
                Arguments.of("split-wide", new SplitBackboneProvider(), new SplitOptions(SegNetTrunk.PAPER_FILTERS, "wide"), Nyuv2Tasks.ALL,
                        43_934_164L),
                Arguments.of("dense", new DenseBackboneProvider(), SegNetOptions.DEFAULT, Nyuv2Tasks.ALL, 123_743_995L),
                Arguments.of("cross", new CrossStitchBackboneProvider(), SegNetOptions.DEFAULT, Nyuv2Tasks.ALL, 74_941_807L),
                Arguments.of("mtan", new MtanBackboneProvider(), SegNetOptions.DEFAULT, Nyuv2Tasks.ALL, 44_229_076L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    <O> void matchesTheReference(String variant, BackboneProvider<O> provider, O options, List<TaskSpec> tasks, long tableCount) {
        ReferenceStateDict reference = ReferenceStateDict.load(ParameterCountTest.class, variant);
        boolean hasLogSigma = reference.parameters().containsKey("logsigma");
        // The reference listing itself agrees with the table.
        assertEquals(tableCount, reference.parameterCount(), variant + ": reference listing vs models.md table");

        try (NDManager scoped = manager.newSubManager()) {
            SegNetBackbone backbone = (SegNetBackbone) provider.create(options, new BackboneContext(tasks, new Shape(3, 32, 32)));
            backbone.block().initialize(scoped, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            Map<String, Parameter> entries = new LinkedHashMap<>(backbone.stateDictEntries());
            assertEveryParameterNamedOnce(backbone.block(), entries, variant);
            long count = trainable(backbone.block());
            for (int i = 0; i < tasks.size(); i++) {
                SegNetHead head = head(tasks.get(i), backbone.featureChannels(i));
                head.block().initialize(scoped, DataType.FLOAT32, new Shape(1, backbone.featureChannels(i), 32, 32));
                count += trainable(head.block());
                head.putStateDictEntries(backbone.headPrefix(i), entries);
            }
            // logsigma (3 values) lives with the uncertainty weighting: see the class comment.
            assertEquals(tableCount - (hasLogSigma ? 3 : 0), count, variant + ": trainable parameters (backbone + heads)");

            Map<String, Shape> expected = new LinkedHashMap<>(reference.parameters());
            expected.remove("logsigma");
            assertSameEntries(expected, shapes(entries, true), variant + ": trainable parameters");
            assertSameEntries(reference.buffers(), shapes(entries, false), variant + ": running statistics");
            if (variant.equals("dense")) {
                // models.md: the unused shared decoder block 0 is counted, 44,583 parameters.
                assertEquals(44_583L, entries.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("decoder_block.0.") && e.getValue().requiresGradient())
                        .mapToLong(e -> e.getValue().getArray().size()).sum(), "dense: unused decoder block 0");
            }
        }
    }

    /** models.md's module totals of the standard trunk. */
    @Test
    void trunkMatchesTheModuleTotals() {
        try (NDManager scoped = manager.newSubManager()) {
            SegNetTrunk trunk = new SegNetTrunk(3, SegNetTrunk.PAPER_FILTERS);
            trunk.initialize(scoped, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            assertEquals(24_943_296L, trainable(trunk), "backbone");
            assertEquals(3_913_728L, trunk.encoderUnits().stream().mapToLong(StateDictChecks::trainable).sum(), "encoder units");
            assertEquals(10_809_408L, trunk.encoderBlocks().stream().mapToLong(StateDictChecks::trainable).sum(), "encoder blocks");
            assertEquals(3_947_520L, trunk.decoderUnits().stream().mapToLong(StateDictChecks::trainable).sum(), "decoder units");
            assertEquals(6_272_640L, trunk.decoderBlocks().stream().mapToLong(StateDictChecks::trainable).sum(), "decoder blocks");
        }
    }

    @Test
    void trunkParametersComeInPyTorchOrder() {
        SegNetTrunk trunk = new SegNetTrunk(3, List.of(4, 8, 8, 16, 16));
        trunk.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
        List<Parameter> djlOrder = new ArrayList<>();
        for (Pair<String, Parameter> p : trunk.getParameters()) {
            djlOrder.add(p.getValue());
        }
        assertEquals(new ArrayList<>(trunk.stateDictEntries().values()), djlOrder);
    }

    private static SegNetHead head(TaskSpec task, int channels) {
        TaskHeadProvider<NoOptions> provider = switch (task.kind()) {
            case SEGMENTATION -> new SemanticHeadProvider();
            case DEPTH -> new DepthHeadProvider();
            default -> new NormalHeadProvider();
        };
        return (SegNetHead) provider.create(NoOptions.INSTANCE, task, channels);
    }

}
