package org.mtan4j.plugins.moe.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtan4j.blocks.EngineTest;

/**
 * The encoders cut into stages compute exactly their building block's forward pass, stage shapes are as
 * declared, and the stages' parameters partition the encoder's.
 */
class StagedEncoderTest extends EngineTest {

    private static final Shape BATCH = new Shape(2, 3, 64, 96);

    @Test
    void segNetStagesAreTheTrunkBitForBit() {
        SegNetEncoder encoder = new SegNetEncoder(3, List.of(4, 6, 8, 10, 12));
        assertEquals(10, encoder.stageCount());
        encoder.initialize(manager, DataType.FLOAT32, BATCH);
        NDArray image = manager.randomUniform(0f, 1f, BATCH);
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray trunk = encoder.trunk().forward(ps, new NDList(image), true).singletonOrThrow();
        NDArray staged = encoder.forward(ps, new NDList(image), true).singletonOrThrow();
        assertEquals(new Shape(2, 4, 64, 96), staged.getShape());
        assertArrayEquals(trunk.toFloatArray(), staged.toFloatArray(), "the same numbers, in training mode");
        assertStageShapes(encoder, image, ps);
        // Encoder stage s halves the map to f[s] channels; decoder stage 5 + t doubles it to f[L - 1] (f0 at L = 0).
        assertEquals(new Shape(2, 10, 4, 6), encoder.stagesOutputShape(0, 4, BATCH));
        assertEquals(new Shape(2, 10, 4, 6), encoder.stagesOutputShape(0, 6, BATCH));
        assertEquals(new Shape(2, 4, 32, 48), encoder.stagesOutputShape(0, 9, BATCH));
        assertPartition(encoder);
    }

    @Test
    void resNetStagesAreTheTrunkBitForBit() {
        ResNetEncoder encoder = new ResNetEncoder(3, 4, List.of(2, 1, 2, 1));
        assertEquals(5, encoder.stageCount());
        encoder.initialize(manager, DataType.FLOAT32, BATCH);
        NDArray image = manager.randomUniform(0f, 1f, BATCH);
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray trunk = encoder.trunk().forward(ps, new NDList(image), true).singletonOrThrow();
        NDArray staged = encoder.forward(ps, new NDList(image), true).singletonOrThrow();
        assertEquals(new Shape(2, 128, 8, 12), staged.getShape());
        assertArrayEquals(trunk.toFloatArray(), staged.toFloatArray());
        assertStageShapes(encoder, image, ps);
        assertPartition(encoder);
    }

    @Test
    void aDecoderStageNeedsItsEncoderStageInTheSamePass() {
        SegNetEncoder encoder = new SegNetEncoder(3, List.of(4, 4, 4, 4, 4));
        encoder.initialize(manager, DataType.FLOAT32, BATCH);
        NDArray pooled = manager.zeros(new Shape(2, 4, 2, 3));
        try (EncoderPass pass = encoder.newPass()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> encoder.forwardStage(pass, 5, new ParameterStore(manager, false), pooled, false, null));
            assertEquals("the decoder stage of level 4 runs before the encoder stage of its pass", e.getMessage());
        }
    }

    private static void assertStageShapes(StagedEncoder encoder, NDArray image, ParameterStore ps) {
        try (EncoderPass pass = encoder.newPass()) {
            NDArray x = image;
            for (int s = 0; s < encoder.stageCount(); s++) {
                Shape expected = encoder.stageOutputShape(s, x.getShape());
                x = encoder.forwardStage(pass, s, ps, x, false, null);
                assertEquals(expected, x.getShape(), "stage " + s);
            }
        }
    }

    /** Every parameter belongs to exactly one stage. */
    private static void assertPartition(StagedEncoder encoder) {
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int count = 0;
        for (int s = 0; s < encoder.stageCount(); s++) {
            for (Parameter p : encoder.stageParameters(s)) {
                seen.add(p);
                count++;
            }
        }
        assertEquals(count, seen.size(), "no parameter in two stages");
        assertEquals(encoder.getParameters().size(), seen.size(), "every parameter in a stage");
    }
}
