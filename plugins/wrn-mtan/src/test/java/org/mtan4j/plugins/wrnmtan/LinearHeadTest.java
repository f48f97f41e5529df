package org.mtan4j.plugins.wrnmtan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.testkit.EngineTest;

/** The classifier's loss and output against values worked out by hand. */
class LinearHeadTest extends EngineTest {

    @Test
    void lossIsTheReferenceCrossEntropyAveragedOverTheBatch() {
        LinearHead head = new LinearHeadProvider().create(LinearOptions.DEFAULT, TaskSpec.classification("t", 3), 4);
        // Probabilities (0.5, 0.25, 0.25) and (0.1, 0.2, 0.7) as the head outputs them: log(p + 1e-20).
        NDArray prediction = manager.create(new float[] {0.5f, 0.25f, 0.25f, 0.1f, 0.2f, 0.7f}, new Shape(2, 3)).add(1e-20f).log();
        NDArray target = manager.create(new float[] {0, 2});
        // -(log 0.5 + log 0.7) / 2
        assertEquals((float) (-(Math.log(0.5) + Math.log(0.7)) / 2), head.loss(prediction, target).getFloat(), 1e-6f);
        // An ignored sample (-1) leaves the mean over the others.
        assertEquals((float) -Math.log(0.5), head.loss(prediction, manager.create(new float[] {0, -1})).getFloat(), 1e-6f);
    }

    @Test
    void outputIsLogOfSoftmaxPlusEpsilon() {
        LinearHeadBlock block = new LinearHeadBlock(2, 2, 8);
        block.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 2));
        // Zero weights and bias: equal logits, p = 0.5 each.
        block.getParameters().forEach(p -> p.getValue().getArray().muli(0f));
        NDArray out = block.forward(new ai.djl.training.ParameterStore(manager, false),
                new ai.djl.ndarray.NDList(manager.ones(new Shape(1, 2))), false).singletonOrThrow();
        assertArrayEquals(new float[] {(float) Math.log(0.5), (float) Math.log(0.5)}, out.toFloatArray(), 1e-6f);
    }
}
