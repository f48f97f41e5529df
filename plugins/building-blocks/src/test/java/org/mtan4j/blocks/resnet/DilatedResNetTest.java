package org.mtan4j.blocks.resnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mtan4j.blocks.StateDictChecks.assertEveryParameterNamedOnce;
import static org.mtan4j.blocks.StateDictChecks.shapes;
import static org.mtan4j.blocks.StateDictChecks.trainable;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtan4j.blocks.EngineTest;

/** The dilated ResNet trunk: ResNet-50's size and names, ResnetDilated(8)'s strides and dilations, its stages. */
class DilatedResNetTest extends EngineTest {

    @Test
    void resNet50HasTorchvisionsTrunkParametersAndNames() {
        try (NDManager scoped = manager.newSubManager()) {
            DilatedResNet trunk = new DilatedResNet(3, DilatedResNet.RESNET50_BASE, DilatedResNet.RESNET50_BLOCKS);
            trunk.initialize(scoped, DataType.FLOAT32, new Shape(1, 3, 8, 8));
            // torchvision resnet50: 25,557,032 parameters, of which fc holds 2048 * 1000 + 1000.
            assertEquals(25_557_032L - 2_049_000L, trainable(trunk));
            Map<String, Parameter> entries = new LinkedHashMap<>();
            trunk.putStateDictEntries("", entries);
            assertEveryParameterNamedOnce(trunk, entries, "dilated ResNet-50");
            // 53 convolutions, each followed by a BatchNorm: 53 weights + 53 x 2 affine; 53 x 2 running statistics.
            assertEquals(159, shapes(entries, true).size());
            assertEquals(106, shapes(entries, false).size());
            assertEquals(new Shape(64, 3, 7, 7), entries.get("conv1.weight").getArray().getShape());
            assertEquals(new Shape(2048, 1024, 1, 1), entries.get("layer4.0.downsample.0.weight").getArray().getShape());
            assertEquals(new Shape(2048), entries.get("layer4.2.bn3.running_var").getArray().getShape());
            assertEquals(2048, trunk.outChannels());
        }
    }

    @Test
    void dilatesAsResnetDilatedWithScale8() {
        DilatedResNet trunk = new DilatedResNet(3, 64, DilatedResNet.RESNET50_BLOCKS);
        // {stride of the first block, dilation of the first block, dilation of the others} per stage.
        int[][] expected = {{1, 1, 1}, {2, 1, 1}, {1, 1, 2}, {1, 2, 4}};
        for (int s = 0; s < DilatedResNet.STAGES; s++) {
            List<Bottleneck> stage = trunk.stage(s);
            assertEquals(DilatedResNet.RESNET50_BLOCKS.get(s), stage.size());
            assertEquals(expected[s][0], stage.get(0).stride(), "stage " + (s + 1) + " stride");
            assertEquals(expected[s][1], stage.get(0).dilation(), "stage " + (s + 1) + " first dilation");
            for (int k = 1; k < stage.size(); k++) {
                assertEquals(1, stage.get(k).stride());
                assertEquals(expected[s][2], stage.get(k).dilation(), "stage " + (s + 1) + " block " + k);
                assertEquals(expected[s][2], stage.get(k).padding(), "padding = dilation");
            }
        }
    }

    @Test
    void stemAndStagesOneAfterAnotherAreTheForwardPass() {
        DilatedResNet trunk = new DilatedResNet(3, 4, List.of(2, 1, 2, 1));
        Shape batch = new Shape(2, 3, 32, 48);
        trunk.initialize(manager, DataType.FLOAT32, batch);
        NDArray image = manager.randomUniform(0f, 1f, batch);
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray whole = trunk.forward(ps, new NDList(image), false).singletonOrThrow();
        assertEquals(new Shape(2, 128, 4, 6), whole.getShape());
        assertEquals(trunk.getOutputShapes(new Shape[] {batch})[0], whole.getShape());
        NDArray x = trunk.forwardStem(ps, image, false, null);
        assertEquals(trunk.stemOutputShape(batch), x.getShape());
        for (int s = 0; s < DilatedResNet.STAGES; s++) {
            Shape expected = trunk.stageOutputShape(s, x.getShape());
            x = trunk.forwardStage(s, ps, x, false, null);
            assertEquals(expected, x.getShape(), "stage " + s);
        }
        assertArrayEquals(whole.toFloatArray(), x.toFloatArray(), "bit for bit");
    }

    @Test
    void refusesImagesThatAreNotMultiplesOfEight() {
        DilatedResNet trunk = new DilatedResNet(3, 4, List.of(1, 1, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trunk.getOutputShapes(new Shape[] {new Shape(1, 3, 20, 24)}));
        assertEquals("the dilated ResNet expects images (N, 3, H, W) with H and W positive multiples of 8, got (1, 3, 20, 24)",
                e.getMessage());
    }
}
