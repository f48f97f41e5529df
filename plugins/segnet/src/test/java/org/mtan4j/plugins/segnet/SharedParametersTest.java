package org.mtan4j.plugins.segnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.blocks.Nyuv2Tasks;
import org.mtan4j.plugins.segnet.backbone.SegNetBackbone;
import org.mtan4j.testkit.EngineTest;

/**
 * {@code sharedParameters()} is truthful in both directions, measured with one backward pass per
 * task and the gradients zeroed in between (the contract kit checks the first direction; this test
 * adds the second):
 * <ul>
 *   <li>a parameter that receives gradient from two tasks or more is shared;</li>
 *   <li>every shared convolution weight and cross-stitch unit (the rank >= 2 parameters) receives
 *       gradient from every task; a task-specific one from exactly one. (Biases are left out of this
 *       direction: a convolution bias right before BatchNorm has an exactly cancelling gradient.)</li>
 * </ul>
 */
class SharedParametersTest extends EngineTest {

    private static final SegNetOptions NARROW = new SegNetOptions(List.of(4, 8, 8, 16, 16));
    private static final List<TaskSpec> NYUV2 = Nyuv2Tasks.ALL;

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of("split", new SplitBackboneProvider(), new SplitOptions(NARROW.filters(), "standard"), NYUV2),
                Arguments.of("dense", new DenseBackboneProvider(), NARROW, NYUV2),
                Arguments.of("cross-stitch", new CrossStitchBackboneProvider(), NARROW, NYUV2),
                Arguments.of("mtan", new MtanBackboneProvider(), NARROW, NYUV2),
                Arguments.of("mtan, two tasks", new MtanBackboneProvider(), NARROW, NYUV2.subList(0, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    <O> void sharedMeansUsedByEveryTask(String variant, BackboneProvider<O> provider, O options, List<TaskSpec> tasks) {
        Shape batch = Backbones.BATCH;
        SegNetBackbone backbone = Backbones.initialised(provider, options, tasks, manager);
        Set<Parameter> shared = Collections.newSetFromMap(new IdentityHashMap<>());
        shared.addAll(backbone.sharedParameters());
        assertFalse(shared.isEmpty(), variant);
        assertTrue(shared.stream().allMatch(Parameter::requiresGradient), variant + ": trainable only");

        Map<Parameter, Integer> usedBy = new IdentityHashMap<>();
        NDArray image = manager.randomUniform(0f, 1f, batch);
        for (int task = 0; task < tasks.size(); task++) {
            for (Pair<String, Parameter> p : backbone.block().getParameters()) {
                NDArray array = p.getValue().getArray();
                if (array.hasGradient()) {
                    NDArray gradient = array.getGradient();
                    gradient.subi(gradient);
                }
            }
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList out = backbone.block().forward(new ParameterStore(manager, false), new NDList(image), true);
                collector.backward(out.get(task).mean());
            }
            for (Pair<String, Parameter> p : backbone.block().getParameters()) {
                NDArray array = p.getValue().getArray();
                if (p.getValue().requiresGradient() && array.hasGradient() && array.getGradient().abs().sum().getFloat() > 0f) {
                    usedBy.merge(p.getValue(), 1, Integer::sum);
                }
            }
        }
        for (Pair<String, Parameter> p : backbone.block().getParameters()) {
            Parameter parameter = p.getValue();
            int users = usedBy.getOrDefault(parameter, 0);
            if (users >= 2) {
                assertTrue(shared.contains(parameter), variant + ": " + p.getKey() + " is used by " + users + " tasks but not shared");
            }
            if (parameter.requiresGradient() && parameter.getArray().getShape().dimension() >= 2) {
                int expected = shared.contains(parameter) ? tasks.size() : 1;
                if (variant.equals("dense") && backbone.stateDictEntries().entrySet().stream()
                        .anyMatch(e -> e.getValue() == parameter && e.getKey().startsWith("decoder_block.0."))) {
                    expected = 0; // the reference's unused block (models.md)
                }
                assertEquals(expected, users, variant + ": tasks reaching " + p.getKey());
            }
        }
    }
}
