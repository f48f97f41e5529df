package org.mtan4j.plugins.wrnmtan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.testkit.EngineTest;

/** Full-size WRN-MTAN with the ten decathlon classifiers on a 72x72 batch of 2 (issue 7's acceptance). */
class ForwardTest extends EngineTest {

    private static final Shape IMAGE = new Shape(3, 72, 72);

    @Test
    void givesEachTasksClassScoresAt72() {
        WrnMtanBackbone backbone = new WrnMtanBackboneProvider().create(WrnMtanOptions.DEFAULT, new BackboneContext(Decathlon.TASKS, IMAGE));
        Shape batch = new Shape(2).addAll(IMAGE);
        backbone.block().initialize(manager, DataType.FLOAT32, batch);
        Shape features = backbone.block().getOutputShapes(new Shape[] {batch})[0];
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray images = manager.randomUniform(0f, 1f, batch);
        NDList all = backbone.block().forward(ps, new NDList(images), false);
        assertEquals(Decathlon.TASKS.size(), all.size());
        for (int i = 0; i < Decathlon.TASKS.size(); i++) {
            TaskSpec task = Decathlon.TASKS.get(i);
            assertEquals(new Shape(2, 256, 9, 9), all.get(i).getShape());
            LinearHead head = new LinearHeadProvider().create(LinearOptions.DEFAULT, task, backbone.featureChannels(i));
            head.block().initialize(manager, DataType.FLOAT32, features);
            NDArray scores = head.block().forward(ps, new NDList(all.get(i)), false).singletonOrThrow();
            assertEquals(new Shape(2, task.classes()), scores.getShape(), task.name());
            assertTrue(scores.exp().sum(new int[] {1}).sub(1f).abs().max().getFloat() < 1e-4f, task.name() + ": probabilities");
            // One task's path alone gives that task's features (the reference's forward(x, k)).
            NDArray alone = backbone.forwardTask(ps, images, false, i);
            assertTrue(alone.sub(all.get(i)).abs().max().getFloat() < 1e-5f, task.name() + ": forwardTask");
        }
    }

    @Test
    void rejectsSizesThatAreNotMultiplesOfEight() {
        assertThrows(IllegalArgumentException.class, () -> new WrnMtanBackboneProvider()
                .create(WrnMtanOptions.DEFAULT, new BackboneContext(Decathlon.TASKS, new Shape(3, 70, 72))));
    }
}
