package org.mtan4j.plugins.resnetmtan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mtan4j.blocks.StateDictChecks.assertEveryParameterNamedOnce;
import static org.mtan4j.blocks.StateDictChecks.shapes;
import static org.mtan4j.blocks.StateDictChecks.trainable;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.TaskHead;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.blocks.Nyuv2Tasks;
import org.mtan4j.testkit.EngineTest;
import org.mtan4j.testkit.ReferenceStateDict;

/**
 * Full-size ResNet-MTAN with the three NYUv2 tasks and their DeepLab heads against the reference:
 * models.md's 92,347,921 trainable parameters (the reference listing has no {@code logsigma}, so the
 * figure is backbone + heads), and every name and shape of {@code state_dict_shapes/resnet-mtan.txt},
 * buffers included ({@code num_batches_tracked} skipped, see {@link ReferenceStateDict}). Initialised
 * at 8x8 and never run.
 */
class ParameterCountTest extends EngineTest {

    static final List<TaskSpec> NYUV2 = Nyuv2Tasks.ALL;

    @Test
    void matchesTheReference() {
        ReferenceStateDict reference = ReferenceStateDict.load(ParameterCountTest.class, "resnet-mtan");
        assertEquals(92_347_921L, reference.parameterCount(), "reference listing vs models.md");
        try (NDManager scoped = manager.newSubManager()) {
            Shape image = new Shape(3, 8, 8);
            ResNetMtanBackbone backbone = new ResNetMtanBackboneProvider().create(ResNetMtanOptions.DEFAULT, new BackboneContext(NYUV2, image));
            backbone.block().initialize(scoped, DataType.FLOAT32, new Shape(1).addAll(image));
            Map<String, Parameter> entries = new LinkedHashMap<>(backbone.stateDictEntries());
            assertEveryParameterNamedOnce(backbone.block(), entries, "resnet-mtan");
            long count = trainable(backbone.block());
            Shape features = backbone.block().getOutputShapes(new Shape[] {new Shape(1).addAll(image)})[0];
            for (int i = 0; i < NYUV2.size(); i++) {
                TaskHead head = new DeepLabHeadProvider().create(DeepLabOptions.DEFAULT, NYUV2.get(i), backbone.featureChannels(i));
                head.block().initialize(scoped, DataType.FLOAT32, features);
                long headCount = trainable(head.block());
                // models.md: head params 16,125,440 + 257 C.
                assertEquals(16_125_440L + 257L * NYUV2.get(i).outputChannels(), headCount, "head " + i);
                count += headCount;
                entries.putAll(head.stateDictEntries(backbone.headPrefix(i))); // through the API, as the runtime
            }
            assertEquals(92_347_921L, count, "trainable parameters (backbone + heads)");
            assertEquals(new ArrayList<>(reference.parameters().keySet()), new ArrayList<>(shapes(entries, true).keySet()), "names and order");
            assertEquals(reference.parameters(), shapes(entries, true), "shapes");
            assertEquals(new ArrayList<>(reference.buffers().keySet()), new ArrayList<>(shapes(entries, false).keySet()), "buffer names");
            assertEquals(reference.buffers(), shapes(entries, false), "buffer shapes");
            long trunk = backbone.referenceTrunkEntries().values().stream().filter(Parameter::requiresGradient)
                    .mapToLong(p -> p.getArray().size()).sum();
            // ResNet-50 without its fc layer: 25,557,032 - 2,049,000.
            assertEquals(23_508_032L, trunk, "ResNet-50 trunk");
        }
    }

}
