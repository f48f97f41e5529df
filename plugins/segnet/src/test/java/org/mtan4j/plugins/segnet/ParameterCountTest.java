package org.mtan4j.plugins.segnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.segnet.backbone.SegNetTrunk;
import org.mtan4j.plugins.segnet.backbone.SplitBackbone;
import org.mtan4j.plugins.segnet.head.SegNetHead;

/**
 * Full-size models against the reference: trainable parameter counts (models.md, "Trainable parameter
 * counts"; "SegNet backbone" module totals) and every name and shape of the reference's
 * {@code state_dict} (state_dict_shapes/*.txt). Initialised at 64x64 to stay quick; nothing runs at
 * 288x384.
 */
class ParameterCountTest extends EngineTest {

    private static final List<TaskSpec> NYUV2 = List.of(TaskSpec.segmentation("semantic", 13), TaskSpec.depth("depth"),
            TaskSpec.normal("normal"));
    private static final List<TaskHeadProvider<NoOptions>> HEADS = List.of(new SemanticHeadProvider(), new DepthHeadProvider(),
            new NormalHeadProvider());

    @Test
    void splitStandardMatchesTheReference() {
        SplitBackbone backbone = new SplitBackboneProvider().create(SplitOptions.DEFAULT,
                new BackboneContext(NYUV2, new Shape(3, 64, 64)));
        backbone.block().initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
        Map<String, Parameter> entries = new LinkedHashMap<>(backbone.stateDictEntries());
        long heads = 0;
        for (int i = 0; i < NYUV2.size(); i++) {
            SegNetHead head = (SegNetHead) HEADS.get(i).create(NoOptions.INSTANCE, NYUV2.get(i), backbone.featureChannels(i));
            head.block().initialize(manager, DataType.FLOAT32, new Shape(1, 64, 64, 64));
            heads += trainable(head.block());
            head.putStateDictEntries("pred_task" + (i + 1) + ".", entries);
        }
        // models.md: backbone 24,943,296; split-standard 25,055,188 including 3 logsigma values.
        assertEquals(24_943_296L, trainable(backbone.block()), "backbone");
        assertEquals(25_055_188L - 3, trainable(backbone.block()) + heads, "backbone + heads");
        assertEquals(backbone.block().getParameters().size(), backbone.stateDictEntries().size(),
                "every DJL parameter has exactly one PyTorch name");

        ReferenceStateDict reference = ReferenceStateDict.load("split-standard");
        Map<String, Shape> parameters = new LinkedHashMap<>(reference.parameters());
        parameters.remove("logsigma"); // owned by the uncertainty weighting, not the network
        assertSameEntries(parameters, shapes(entries, true), "trainable parameters");
        assertSameEntries(reference.buffers(), shapes(entries, false), "running statistics");
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

    /** The trunk also builds the split-deep and split-wide networks of the reference. */
    @Test
    void trunkCoversTheDeepAndWideVariants() {
        // models.md totals minus logsigma (3) and the three heads (111,889).
        checkTrunk("split-deep", new SegNetTrunk(3, SegNetTrunk.PAPER_FILTERS, 2), 50_807_764L - 3 - 111_889);
        checkTrunk("split-wide", new SegNetTrunk(3, List.of(64, 128, 256, 512, 1024), 1), 43_934_164L - 3 - 111_889);
    }

    private void checkTrunk(String variant, SegNetTrunk trunk, long expectedCount) {
        try (NDManager scoped = manager.newSubManager()) {
            trunk.initialize(scoped, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            ReferenceStateDict reference = ReferenceStateDict.load(variant);
            Map<String, Shape> expected = new LinkedHashMap<>();
            reference.parameters().forEach((name, shape) -> {
                if (!name.equals("logsigma") && !name.startsWith("pred_task")) {
                    expected.put(name, shape);
                }
            });
            Map<String, Parameter> entries = trunk.stateDictEntries();
            assertEquals(expectedCount, trainable(trunk), variant + " parameter count");
            assertSameEntries(expected, shapes(entries, true), variant);
            assertSameEntries(reference.buffers(), shapes(entries, false), variant + " running statistics");
        }
    }

    /** Same names in the same order, with the same shapes. */
    private static void assertSameEntries(Map<String, Shape> expected, Map<String, Shape> actual, String what) {
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()), what + ": names and order");
        assertEquals(expected, actual, what + ": shapes");
    }

    private static long trainable(Block block) {
        return block.getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().size())
                .sum();
    }

    private static Map<String, Shape> shapes(Map<String, Parameter> entries, boolean trainable) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        entries.forEach((name, p) -> {
            if (p.requiresGradient() == trainable) {
                shapes.put(name, p.getArray().getShape());
            }
        });
        return shapes;
    }
}
