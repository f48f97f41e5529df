package org.mtan4j.blocks.segnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtan4j.blocks.EngineTest;

/** The trunk's data flow (models.md, "SegNet backbone"), on narrow filters. */
class SegNetTrunkTest extends EngineTest {

    private static final List<Integer> FILTERS = List.of(4, 6, 8, 10, 12);

    private SegNetTrunk trunk() {
        SegNetTrunk trunk = new SegNetTrunk(3, FILTERS);
        trunk.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 64, 96));
        return trunk;
    }

    @Test
    void everyStageHasTheDocumentedShape() {
        SegNetTrunk trunk = trunk();
        NDArray image = manager.randomUniform(0f, 1f, new Shape(2, 3, 64, 96));
        SegNetTrace trace = trunk.trace(new ParameterStore(manager, false), image, true, null);
        for (int s = 0; s < 5; s++) {
            Shape atStage = new Shape(2, FILTERS.get(s), 64 >> s, 96 >> s);
            assertEquals(atStage, trace.encoderUnits().get(s).getShape(), "E0[" + s + "]");
            assertEquals(atStage, trace.encoderBlocks().get(s).getShape(), "E1[" + s + "]");
            assertEquals(new Shape(2, FILTERS.get(s), 32 >> s, 48 >> s), trace.pooled().get(s).getShape(), "pooled " + s);
        }
        for (int t = 0; t < 5; t++) {
            int level = 4 - t;
            int out = level == 0 ? FILTERS.get(0) : FILTERS.get(level - 1);
            assertEquals(new Shape(2, FILTERS.get(level), 64 >> level, 96 >> level), trace.upsampled().get(t).getShape(), "U[" + t + "]");
            assertEquals(new Shape(2, out, 64 >> level, 96 >> level), trace.decoderUnits().get(t).getShape(), "D0[" + t + "]");
            assertEquals(new Shape(2, out, 64 >> level, 96 >> level), trace.decoderBlocks().get(t).getShape(), "D[" + t + "]");
        }
        // Each U[t] holds exactly one (post-ReLU, so non-negative) value per window of level L.
        for (int t = 0; t < 5; t++) {
            NDArray u = trace.upsampled().get(t);
            NDArray windows = u.gt(0f).toType(DataType.FLOAT32, false).sum();
            assertTrue(windows.getFloat() <= u.size() / 4f, "U[" + t + "] writes at most one element per window");
        }
    }

    @Test
    void forwardReturnsTheLastDecoderMapAndEvaluationLeavesRunningStatisticsAlone() {
        SegNetTrunk trunk = trunk();
        NDArray image = manager.randomUniform(0f, 1f, new Shape(2, 3, 64, 96));
        Parameter runningMean = trunk.stateDictEntries().get("encoder_block.0.1.running_mean");
        float[] before = runningMean.getArray().toFloatArray();
        NDArray out = trunk.forward(new ParameterStore(manager, false), new NDList(image), false).singletonOrThrow();
        assertEquals(new Shape(2, 4, 64, 96), out.getShape());
        assertTrue(out.isNaN().logicalOr(out.isInfinite()).none().getBoolean());
        assertArrayEquals(before, runningMean.getArray().toFloatArray(), "evaluation does not update BatchNorm statistics");
        SegNetTrace trace = trunk.trace(new ParameterStore(manager, false), image, false, null);
        assertArrayEquals(out.toFloatArray(), trace.output().toFloatArray());
    }

    @Test
    void rejectsImagesItCannotPoolFiveTimes() {
        SegNetTrunk trunk = new SegNetTrunk(3, FILTERS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trunk.getOutputShapes(new Shape[] {new Shape(1, 3, 48, 64)}));
        assertTrue(e.getMessage().contains("32"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> trunk.getOutputShapes(new Shape[] {new Shape(1, 1, 64, 64)}));
        assertThrows(IllegalArgumentException.class, () -> new SegNetTrunk(3, List.of(4, 6, 8, 10)));
    }
}
