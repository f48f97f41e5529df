package org.mtan4j.plugins.resnetmtan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.testkit.EngineTest;

/** Full-size ResNet-MTAN with DeepLab heads end to end on a 64x96 batch of 2 (issue 7's acceptance). */
class ForwardTest extends EngineTest {

    private static final Shape IMAGE = new Shape(3, 64, 96);

    @Test
    void givesTheThreeNyuv2OutputsAtInputSize() {
        List<TaskSpec> tasks = ParameterCountTest.NYUV2;
        // Full size (ResNet-50, 256-wide heads): about 2 s on one thread at this size.
        ResNetMtanOptions options = ResNetMtanOptions.DEFAULT;
        ResNetMtanBackbone backbone = new ResNetMtanBackboneProvider().create(options, new BackboneContext(tasks, IMAGE));
        Shape batch = new Shape(2).addAll(IMAGE);
        backbone.block().initialize(manager, DataType.FLOAT32, batch);
        Shape[] featureShapes = backbone.block().getOutputShapes(new Shape[] {batch});
        ParameterStore ps = new ParameterStore(manager, false);
        NDList features = backbone.block().forward(ps, new NDList(manager.randomUniform(0f, 1f, batch)), true);
        assertEquals(3, features.size());
        for (int i = 0; i < tasks.size(); i++) {
            TaskSpec task = tasks.get(i);
            assertEquals(new Shape(2, 2048, 8, 12), features.get(i).getShape(), "features at stride 8");
            DeepLabHead head = new DeepLabHeadProvider().create(DeepLabOptions.DEFAULT, task,
                    backbone.featureChannels(i));
            head.block().initialize(manager, DataType.FLOAT32, featureShapes[i]);
            NDArray prediction = head.block().forward(ps, new NDList(features.get(i)), true).singletonOrThrow();
            assertEquals(new Shape(2, task.outputChannels(), 64, 96), prediction.getShape(), task.name());
            assertEquals(head.block().getOutputShapes(new Shape[] {featureShapes[i]})[0], prediction.getShape());
            assertTrue(prediction.isNaN().logicalOr(prediction.isInfinite()).none().getBoolean(), task.name() + " finite");
        }
    }

    @Test
    void rejectsSizesThatAreNotMultiplesOfEight() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ResNetMtanBackboneProvider()
                .create(ResNetMtanOptions.DEFAULT, new BackboneContext(ParameterCountTest.NYUV2, new Shape(3, 60, 96))));
        assertTrue(e.getMessage().contains("multiples of 8"), e.getMessage());
    }
}
