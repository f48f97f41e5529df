package org.mtan4j.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtan4j.testkit.EngineTest;

/** MTAN's attention layer (models.md, "Building blocks"): shapes, a (0, 1) mask, the reference's names. */
class AttentionLayerTest extends EngineTest {

    @Test
    void givesAMaskOfTheOutputWidth() {
        AttentionLayer layer = new AttentionLayer(6, 3, 4, ConvInit.XAVIER_NORMAL);
        layer.initialize(manager, DataType.FLOAT32, new Shape(2, 6, 5, 7));
        NDArray mask = layer.forward(new ParameterStore(manager, false),
                new NDList(manager.randomNormal(new Shape(2, 6, 5, 7))), true).singletonOrThrow();
        assertEquals(new Shape(2, 4, 5, 7), mask.getShape());
        assertTrue(mask.gt(0f).all().getBoolean() && mask.lt(1f).all().getBoolean(), "sigmoid output");
        assertThrows(IllegalArgumentException.class, () -> layer.getOutputShapes(new Shape[] {new Shape(2, 5, 5, 7)}));
    }

    @Test
    void namesFollowTheReferenceSequential() {
        AttentionLayer layer = new AttentionLayer(128, 64, 64, ConvInit.XAVIER_NORMAL);
        layer.initialize(manager, DataType.FLOAT32, new Shape(1, 128, 4, 4));
        Map<String, Parameter> entries = new LinkedHashMap<>();
        layer.putStateDictEntries("decoder_att.0.0.", entries);
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "3.weight", "3.bias", "4.weight", "4.bias", "4.running_mean", "4.running_var"),
                entries.keySet().stream().map(k -> k.substring("decoder_att.0.0.".length())).toList());
        assertEquals(new Shape(64, 128, 1, 1), entries.get("decoder_att.0.0.0.weight").getArray().getShape());
        assertEquals(new Shape(64, 64, 1, 1), entries.get("decoder_att.0.0.3.weight").getArray().getShape());
        assertEquals(layer.getParameters().size(), entries.size());
    }
}
