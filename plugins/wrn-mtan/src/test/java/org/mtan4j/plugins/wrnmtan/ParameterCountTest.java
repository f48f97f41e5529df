package org.mtan4j.plugins.wrnmtan;

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
import org.mtan4j.testkit.EngineTest;
import org.mtan4j.testkit.ReferenceStateDict;

/**
 * Full-size WRN-MTAN (28-4) with the ten decathlon domains and their classifiers against the
 * reference: models.md's 10,237,656 trainable parameters (the reference listing has no
 * {@code logsigma}: backbone + classifiers) and every name and shape of
 * {@code state_dict_shapes/wrn-mtan.txt} in order, buffers included ({@code num_batches_tracked}
 * skipped). Initialised for 72x72, never run.
 */
class ParameterCountTest extends EngineTest {

    @Test
    void matchesTheReference() {
        ReferenceStateDict reference = ReferenceStateDict.load(ParameterCountTest.class, "wrn-mtan");
        assertEquals(10_237_656L, reference.parameterCount(), "reference listing vs models.md");
        try (NDManager scoped = manager.newSubManager()) {
            Shape image = new Shape(3, 72, 72);
            WrnMtanBackbone backbone = new WrnMtanBackboneProvider().create(WrnMtanOptions.DEFAULT,
                    new BackboneContext(Decathlon.TASKS, image));
            Shape batch = new Shape(1).addAll(image);
            backbone.block().initialize(scoped, DataType.FLOAT32, batch);
            Shape features = backbone.block().getOutputShapes(new Shape[] {batch})[0];
            assertEquals(new Shape(1, 256, 9, 9), features, "72 -> 36 -> 18 -> 9");
            assertEveryParameterNamedOnce(backbone.block(), backbone.stateDictEntries(), "wrn-mtan");
            long count = trainable(backbone.block());
            List<LinearHead> heads = new ArrayList<>();
            for (int i = 0; i < Decathlon.TASKS.size(); i++) {
                LinearHead head = new LinearHeadProvider().create(LinearOptions.DEFAULT, Decathlon.TASKS.get(i), backbone.featureChannels(i));
                head.block().initialize(scoped, DataType.FLOAT32, features);
                count += trainable(head.block());
                heads.add(head);
            }
            assertEquals(10_237_656L, count, "trainable parameters (backbone + classifiers)");
            Map<String, Parameter> entries = backbone.stateDictEntries(heads);
            assertEquals(new ArrayList<>(reference.parameters().keySet()), new ArrayList<>(shapes(entries, true).keySet()), "names and order");
            assertEquals(reference.parameters(), shapes(entries, true), "shapes");
            assertEquals(new ArrayList<>(reference.buffers().keySet()), new ArrayList<>(shapes(entries, false).keySet()), "buffer names");
            assertEquals(reference.buffers(), shapes(entries, false), "buffer shapes");
            // The API's generic path (backbone names, then each head's): same names and shapes, heads last.
            Map<String, Parameter> generic = new LinkedHashMap<>(backbone.stateDictEntries());
            for (int i = 0; i < heads.size(); i++) {
                generic.putAll(heads.get(i).stateDictEntries(backbone.headPrefix(i)));
            }
            assertEquals(shapes(entries, true), shapes(generic, true), "generic path: same entries");
            assertEquals(shapes(entries, false), shapes(generic, false), "generic path: same buffers");
        }
    }

}
