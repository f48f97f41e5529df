package org.mtan4j.plugins.moe.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mtan4j.blocks.EngineTest;
import org.mtan4j.plugins.moe.encoder.ResNetEncoder;
import org.mtan4j.plugins.moe.encoder.SegNetEncoder;
import org.mtan4j.plugins.moe.encoder.StagedEncoder;

/**
 * MMoE and CGC reduce to what the papers say they generalise: MMoE with one expert is the encoder, CGC
 * without shared experts is one network per task; PLE's levels split the stages, and its shared gate
 * carries task experts' outputs to every task.
 */
class ExtractionNetworkTest extends EngineTest {

    private static final Shape BATCH = new Shape(2, 3, 64, 96);
    private static final Supplier<StagedEncoder> SEGNET = () -> new SegNetEncoder(3, List.of(4, 8, 8, 8, 8));

    private ExtractionNetwork initialised(int shared, int perTask, int levels) {
        ExtractionNetwork network = new ExtractionNetwork("test", SEGNET, 3, shared, perTask, levels, SoftmaxGate::new);
        network.initialize(manager, DataType.FLOAT32, BATCH);
        return network;
    }

    private NDList forward(ExtractionNetwork network, NDArray image) {
        return network.forward(new ParameterStore(manager, false), new NDList(image), true);
    }

    @Test
    void mmoeWithOneExpertIsTheEncoderAlone() {
        ExtractionNetwork mmoe = initialised(1, 0, 1);
        NDArray image = manager.randomUniform(0f, 1f, BATCH);
        NDList out = forward(mmoe, image);
        float[] encoder = mmoe.sharedExperts().get(0).forward(new ParameterStore(manager, false), new NDList(image), true)
                .singletonOrThrow().toFloatArray();
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(encoder, out.get(t).toFloatArray(), "task " + t + ": a softmax over one expert weighs it 1");
        }
    }

    @Test
    void cgcWithoutSharedExpertsIsOneNetworkPerTask() {
        ExtractionNetwork cgc = initialised(0, 1, 1);
        assertTrue(new ExpertsBackbone(cgc).sharedParameters().isEmpty(), "nothing is shared");
        NDArray image = manager.randomUniform(0f, 1f, BATCH);
        NDList out = forward(cgc, image);
        for (int t = 0; t < 3; t++) {
            float[] own = cgc.taskExperts(t).get(0).forward(new ParameterStore(manager, false), new NDList(image), true)
                    .singletonOrThrow().toFloatArray();
            assertArrayEquals(own, out.get(t).toFloatArray(), "task " + t + " is its own expert");
        }
    }

    @Test
    void eachLevelBeyondTheFirstAddsTaskGatesAndASharedGateBeforeIt() {
        ExtractionNetwork cgc = initialised(1, 1, 1);
        ExtractionNetwork twoLevels = initialised(1, 1, 2);
        assertEquals(trainable(cgc).size() + 4 * 2, trainable(twoLevels).size(),
                "a weight and a bias for level 1's three task gates and level 0's shared gate; the experts are the same copies");
    }

    @Test
    void levelsSplitTheEncoderStagesIntoContiguousGroups() {
        ExtractionNetwork segnet = new ExtractionNetwork("test", SEGNET, 2, 1, 1, 3, SoftmaxGate::new);
        assertEquals(List.of(0, 3, 6, 10), starts(segnet));
        ExtractionNetwork resnet = new ExtractionNetwork("test", () -> new ResNetEncoder(3, 4, List.of(1, 1, 1, 1)), 2, 1, 1, 5,
                SoftmaxGate::new);
        assertEquals(List.of(0, 1, 2, 3, 4, 5), starts(resnet), "LibMTL's PLE: one level per ResNet stage");
    }

    @Test
    void pleSharesTaskExpertsBelowTheLastLevelThroughTheSharedGate() {
        ExtractionNetwork ple = initialised(1, 1, 2);
        Set<Parameter> shared = identities(new ExpertsBackbone(ple).sharedParameters());
        Set<Parameter> expected = identities(trainable(ple.sharedExperts().get(0)));
        for (int t = 0; t < 3; t++) {
            StagedEncoder own = ple.taskExperts(t).get(0);
            for (int s = 0; s < 5; s++) {
                own.stageParameters(s).stream().filter(Parameter::requiresGradient).forEach(expected::add);
            }
        }
        ple.getParameters().forEach(p -> {
            if (p.getKey().contains("gate_0_shared_")) {
                expected.add(p.getValue());
            }
        });
        assertEquals(names(ple, expected), names(ple, shared), "shared experts and gate, task experts' first level; not their second, nor task gates");

        // Task 1's output reaches task 0's first-level expert (through the shared gate), not its second-level one.
        NDArray image = manager.randomUniform(0f, 1f, BATCH);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(forward(ple, image).get(1).sum());
        }
        StagedEncoder taskZero = ple.taskExperts(0).get(0);
        assertTrue(gradientReached(taskZero.stageParameters(0)), "level 0 of task 0's expert");
        assertFalse(gradientReached(taskZero.stageParameters(7)), "level 1 of task 0's expert");
    }

    private static boolean gradientReached(List<Parameter> parameters) {
        return parameters.stream().filter(Parameter::requiresGradient)
                .anyMatch(p -> p.getArray().hasGradient() && p.getArray().getGradient().abs().sum().getFloat() > 0);
    }

    /** The DJL names of the given parameters of {@code network}, in its order. */
    private static List<String> names(ExtractionNetwork network, Set<Parameter> parameters) {
        return network.getParameters().stream().filter(p -> parameters.contains(p.getValue())).map(p -> p.getKey()).toList();
    }

    private static List<Integer> starts(ExtractionNetwork network) {
        List<Integer> starts = new ArrayList<>();
        for (int j = 0; j <= network.levels(); j++) {
            starts.add(network.levelStart(j));
        }
        return starts;
    }

    private static List<Parameter> trainable(ai.djl.nn.Block block) {
        return block.getParameters().values().stream().filter(Parameter::requiresGradient).toList();
    }

    private static Set<Parameter> identities(List<Parameter> parameters) {
        Set<Parameter> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(parameters);
        return set;
    }
}
