package org.mtan4j.plugins.wrnmtan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.blocks.Layers;
import org.mtan4j.testkit.EngineTest;

/**
 * Domain-by-domain training as the reference does it: batches of one domain through
 * {@link WrnMtanBackbone#forwardTask}, that domain's classifier and loss; the loss falls and the other
 * domain's attention statistics stay untouched. Also the BatchNorm momentum conventions.
 */
class TrainingTest extends EngineTest {

    private static final Shape IMAGE = new Shape(3, 16, 16);

    @Test
    void oneDomainsStepsLowerItsLossAndLeaveTheOtherDomainAlone() {
        List<TaskSpec> tasks = List.of(TaskSpec.classification("a", 3), TaskSpec.classification("b", 4));
        WrnMtanBackbone backbone = new WrnMtanBackboneProvider().create(new WrnMtanOptions(10, 1), new BackboneContext(tasks, IMAGE));
        Shape batch = new Shape(8).addAll(IMAGE);
        backbone.block().initialize(manager, DataType.FLOAT32, batch);
        Shape features = backbone.block().getOutputShapes(new Shape[] {batch})[0];
        LinearHead head = new LinearHeadProvider().create(new LinearOptions(0), tasks.get(0), backbone.featureChannels(0));
        head.block().initialize(manager, DataType.FLOAT32, features);
        NDArray images = manager.randomUniform(0f, 1f, batch);
        NDArray labels = manager.create(new float[] {0, 1, 2, 0, 1, 2, 0, 1});
        ParameterStore ps = new ParameterStore(manager, false);
        float first = Float.NaN;
        float last = Float.NaN;
        for (int step = 0; step < 15; step++) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray prediction = head.block().forward(ps, new NDList(backbone.forwardTask(ps, images, true, 0)), true).singletonOrThrow();
                NDArray loss = head.loss(prediction, labels);
                collector.backward(loss);
                last = loss.getFloat();
                if (step == 0) {
                    first = last;
                }
            }
            sgd(backbone.block().getParameters().values(), 0.1f);
            sgd(head.block().getParameters().values(), 0.1f);
        }
        assertTrue(last < 0.5f * first, "loss falls: " + first + " -> " + last);
        Map<String, Parameter> entries = backbone.stateDictEntries();
        assertEquals(0f, entries.get("encoder_att.1.0.1.running_mean").getArray().abs().max().getFloat(),
                "domain b's attention BatchNorm never saw domain a's batches");
        assertTrue(entries.get("encoder_att.0.0.1.running_mean").getArray().abs().max().getFloat() > 0f, "domain a's did");
    }

    @Test
    void batchNormMomentumFollowsPyTorch() {
        NDArray x = manager.create(new float[] {1, 3, 5, 7}, new Shape(4, 1)).reshape(4, 1, 1, 1);
        // PyTorch: running = (1 - m) * running + m * batch_mean, starting at 0; batch mean 4.
        assertEquals(0.4f, runningMeanAfterOneStep(Layers.batchNorm(Layers.BN_MOMENTUM), x), 1e-6f, "default momentum 0.1");
        assertEquals(3.6f, runningMeanAfterOneStep(Layers.batchNorm(WrnMtanBlock.FINAL_BN_MOMENTUM), x), 1e-6f,
                "the final BatchNorm's momentum 0.9 (models.md)");
    }

    private float runningMeanAfterOneStep(BatchNorm norm, NDArray x) {
        norm.initialize(manager, DataType.FLOAT32, x.getShape());
        norm.forward(new ParameterStore(manager, false), new NDList(x), true);
        return norm.getParameters().get("runningMean").getArray().getFloat(0);
    }

    private static void sgd(List<Parameter> parameters, float lr) {
        for (Parameter p : parameters) {
            NDArray array = p.getArray();
            if (p.requiresGradient() && array.hasGradient()) {
                array.subi(array.getGradient().mul(lr));
                NDArray gradient = array.getGradient();
                gradient.subi(gradient);
            }
        }
    }
}
