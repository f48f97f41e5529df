package org.mtan4j.plugins.segnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtan4j.blocks.Nyuv2Tasks.DEPTH;
import static org.mtan4j.blocks.Nyuv2Tasks.NORMAL;
import static org.mtan4j.blocks.Nyuv2Tasks.SEMANTIC;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.blocks.Nyuv2Tasks;
import org.mtan4j.plugins.segnet.backbone.SegNetBackbone;
import org.mtan4j.plugins.segnet.head.SegNetHead;
import org.mtan4j.testkit.EngineTest;

/**
 * Every SegNet variant with its heads, forward at 64x96, batch 2, narrow filters: each task's
 * prediction has the right shape; segmentation outputs are log-probabilities (their exponentials sum
 * to 1 per pixel), normals have unit length, everything is finite.
 */
class SegNetForwardTest extends EngineTest {

    private static final List<Integer> FILTERS = List.of(4, 8, 8, 16, 16);
    private static final SegNetOptions NARROW = new SegNetOptions(FILTERS);

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of("single-semantic", new SingleBackboneProvider(), NARROW, List.of(SEMANTIC)),
                Arguments.of("single-depth", new SingleBackboneProvider(), NARROW, List.of(DEPTH)),
                Arguments.of("single-normal", new SingleBackboneProvider(), NARROW, List.of(NORMAL)),
                Arguments.of("stan-semantic", new StanBackboneProvider(), NARROW, List.of(SEMANTIC)),
                Arguments.of("stan-depth", new StanBackboneProvider(), NARROW, List.of(DEPTH)),
                Arguments.of("stan-normal", new StanBackboneProvider(), NARROW, List.of(NORMAL)),
                Arguments.of("split-standard", new SplitBackboneProvider(), new SplitOptions(FILTERS, "standard"), Nyuv2Tasks.ALL),
                Arguments.of("split-deep", new SplitBackboneProvider(), new SplitOptions(FILTERS, "deep"), Nyuv2Tasks.ALL),
                Arguments.of("split-wide", new SplitBackboneProvider(), new SplitOptions(FILTERS, "wide"), Nyuv2Tasks.ALL),
                Arguments.of("dense", new DenseBackboneProvider(), NARROW, Nyuv2Tasks.ALL),
                Arguments.of("cross-stitch", new CrossStitchBackboneProvider(), NARROW, Nyuv2Tasks.ALL),
                Arguments.of("mtan", new MtanBackboneProvider(), NARROW, Nyuv2Tasks.ALL),
                Arguments.of("mtan, two CityScapes-like tasks", new MtanBackboneProvider(), NARROW,
                        List.of(TaskSpec.segmentation("semantic", 7), DEPTH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    <O> void predictsEveryTask(String variant, BackboneProvider<O> provider, O options, List<TaskSpec> tasks) {
        Shape batch = Backbones.BATCH;
        SegNetBackbone backbone = Backbones.initialised(provider, options, tasks, manager);
        ParameterStore store = new ParameterStore(manager, false);
        NDList features = backbone.block().forward(store, new NDList(manager.randomUniform(0f, 1f, batch)), true);
        assertEquals(tasks.size(), features.size(), variant);
        for (int i = 0; i < tasks.size(); i++) {
            TaskSpec task = tasks.get(i);
            SegNetHead head = SegNetHead.of(task, backbone.featureChannels(i));
            head.block().initialize(manager, DataType.FLOAT32, features.get(i).getShape());
            NDArray prediction = head.block().forward(store, new NDList(features.get(i)), true).singletonOrThrow();
            String what = variant + ", " + task.name();
            assertEquals(new Shape(2, task.outputChannels(), 64, 96), prediction.getShape(), what);
            assertTrue(prediction.isNaN().logicalOr(prediction.isInfinite()).none().getBoolean(), what + ": finite");
            switch (task.kind()) {
                case SEGMENTATION -> assertAllNear(prediction.exp().sum(new int[] {1}), 1f, 1e-5f, what + ": probabilities sum to 1");
                case NORMAL -> assertAllNear(prediction.norm(2, new int[] {1}, false), 1f, 1e-5f, what + ": unit normals");
                default -> assertTrue(head.loss(prediction, manager.ones(prediction.getShape())).getFloat() >= 0f, what);
            }
        }
    }

    private static void assertAllNear(NDArray values, float expected, float tolerance, String what) {
        float worst = values.sub(expected).abs().max().getFloat();
        assertTrue(worst <= tolerance, what + ": worst deviation " + worst);
    }
}
