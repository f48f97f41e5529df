package org.mtan4j.plugins.segnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtan4j.blocks.EngineTest;
import org.mtan4j.blocks.head.OutputActivation;
import org.mtan4j.plugins.segnet.backbone.CrossStitchBackbone;
import org.mtan4j.plugins.segnet.backbone.DenseBackbone;
import org.mtan4j.plugins.segnet.backbone.MtanBackbone;
import org.mtan4j.plugins.segnet.backbone.SegNetBackbone;
import org.mtan4j.blocks.segnet.SegNetTrunk;
import org.mtan4j.plugins.segnet.backbone.SplitBackbone;
import org.mtan4j.plugins.segnet.head.SegNetHeadBlock;

/**
 * A training forward pass leaves no handle on its intermediates: besides the input, only each task's
 * features and prediction stay attached to the step's manager, so autograd alone decides what lives
 * until backward (as in PyTorch) and a step's peak memory is not raised by maps nothing reads. The
 * backward pass still reaches every parameter the outputs depend on.
 */
class ReleasedIntermediatesTest extends EngineTest {

    private static final List<Integer> FILTERS = List.of(4, 8, 8, 16, 16);

    static Stream<Arguments> backbones() {
        return Stream.of(
                Arguments.of("split", new SplitBackbone(new SegNetTrunk(3, FILTERS), 3)),
                Arguments.of("mtan", new MtanBackbone(new SegNetTrunk(3, FILTERS), 3, false)),
                Arguments.of("dense", new DenseBackbone(3, FILTERS, 3, 13)),
                Arguments.of("cross-stitch", new CrossStitchBackbone(3, FILTERS, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backbones")
    void onlyInputsAndOutputsStayAttached(String name, SegNetBackbone backbone) {
        Shape shape = new Shape(2, 3, 64, 96);
        backbone.block().initialize(manager, DataType.FLOAT32, shape);
        SegNetHeadBlock[] heads = {new SegNetHeadBlock(4, 13, OutputActivation.LOG_SOFTMAX),
            new SegNetHeadBlock(4, 1, OutputActivation.IDENTITY), new SegNetHeadBlock(4, 3, OutputActivation.L2_NORMALIZE)};
        for (SegNetHeadBlock head : heads) {
            head.initialize(manager, DataType.FLOAT32, new Shape(2, 4, 64, 96));
        }
        ParameterStore store = new ParameterStore(manager, false);
        int before = ((BaseNDManager) manager).getManagedArrays().size();
        try (NDManager step = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray image = step.randomUniform(0f, 1f, shape);
            NDList features = backbone.block().forward(store, new NDList(image), true);
            NDArray loss = null;
            for (int t = 0; t < heads.length; t++) {
                NDArray prediction = heads[t].forward(store, new NDList(features.get(t)), true).singletonOrThrow();
                NDArray sum = prediction.sum();
                loss = loss == null ? sum : loss.add(sum);
            }
            // Split hands one map to every task: fewer distinct arrays.
            long distinctFeatures = features.stream().distinct().count();
            // image + features + per task (prediction, its sum) + the two partial totals of the loss
            int expected = 1 + (int) distinctFeatures + 2 * heads.length + (heads.length - 1);
            assertEquals(expected, ((BaseNDManager) step).getManagedArrays().size(),
                    name + ": arrays attached to the step's manager after the forward pass");
            assertEquals(before + expected, ((BaseNDManager) manager).getManagedArrays().size(),
                    name + ": arrays attached to the parameters' manager and its step after the forward pass");
            collector.backward(loss);
        }
        long withGradient = backbone.block().getParameters().values().stream().map(Parameter::getArray)
                .filter(p -> p.hasGradient() && p.getGradient().abs().sum().getFloat() > 0).count();
        assertTrue(withGradient > 0, name + ": backward reached the parameters");
    }
}
