package org.mtan4j.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtan4j.testkit.EngineTest;

/**
 * A unit fed the parts of a concatenation (Layers.convolveParts) computes what it computes on the
 * concatenation itself: the same output, the same gradients for the parts and for every parameter, up to
 * summation order; and it leaves nothing attached to the parameters' manager.
 */
class ConvolvePartsTest extends EngineTest {

    static Stream<Arguments> units() {
        return Stream.of(
                Arguments.of("3x3 conv unit", new ConvUnit(7, 5, 2, ConvInit.XAVIER_NORMAL)),
                Arguments.of("1x1 attention layer", new AttentionLayer(7, 4, 5, ConvInit.XAVIER_NORMAL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("units")
    void partsGiveTheConcatenationsOutputAndGradients(String name, AbstractBlock unit) {
        unit.initialize(manager, DataType.FLOAT32, new Shape(2, 7, 6, 10));
        // Non-zero biases, so that a bias added once per part would show.
        for (Parameter p : unit.getParameters().values()) {
            if (p.getType() == Parameter.Type.BIAS) {
                p.getArray().addi(manager.randomNormal(p.getArray().getShape()));
            }
        }
        ParameterStore store = new ParameterStore(manager, false);
        NDArray first = manager.randomNormal(new Shape(2, 3, 6, 10));
        NDArray second = manager.randomNormal(new Shape(2, 4, 6, 10));

        // Training mode; then eval mode, where BatchNorm no longer removes what the convolution's bias adds.
        for (boolean training : new boolean[] {true, false}) {
            String what = name + (training ? " (training)" : " (eval)");
            Run whole = run(unit, store, first, second, false, training);
            int attached = ((BaseNDManager) manager).getManagedArrays().size();
            Run parts = run(unit, store, first, second, true, training);
            assertEquals(attached, ((BaseNDManager) manager).getManagedArrays().size(),
                    what + ": the weight slices are not left on the parameters' manager");

            float largest = 0;
            for (float v : whole.output) {
                largest = Math.max(largest, Math.abs(v));
            }
            assertTrue(largest > 0.1f, what + ": the output is not all zero");
            assertClose(whole.output, parts.output, what + " output");
            assertClose(whole.inputGradients, parts.inputGradients, what + " gradients of the parts");
            for (int p = 0; p < whole.parameterGradients.size(); p++) {
                assertClose(whole.parameterGradients.get(p), parts.parameterGradients.get(p), what + " parameter gradient " + p);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("units")
    void partsThatDoNotAddUpAreRefusedNamingTheirShapes(String name, AbstractBlock unit) {
        unit.initialize(manager, DataType.FLOAT32, new Shape(2, 7, 6, 10));
        NDList wrong = new NDList(manager.zeros(new Shape(2, 3, 6, 10)), manager.zeros(new Shape(2, 3, 6, 10)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> unit.forward(new ParameterStore(manager, false), wrong, true));
        assertTrue(e.getMessage().contains("(2, 3, 6, 10)") && e.getMessage().contains("7"), e.getMessage());
        NDList misaligned = new NDList(manager.zeros(new Shape(2, 3, 6, 10)), manager.zeros(new Shape(2, 4, 6, 8)));
        assertThrows(IllegalArgumentException.class, () -> unit.forward(new ParameterStore(manager, false), misaligned, true));
        assertThrows(IllegalArgumentException.class, () -> unit.forward(new ParameterStore(manager, false), new NDList(), true));
    }

    private record Run(float[] output, float[] inputGradients, List<float[]> parameterGradients) {
    }

    private Run run(AbstractBlock unit, ParameterStore store, NDArray first, NDArray second, boolean asParts,
            boolean training) {
        // DJL's PyTorch collector accumulates into the parameters' gradients: start each run from zero.
        for (Parameter p : unit.getParameters().values()) {
            if (p.getArray().hasGradient()) {
                try (NDArray gradient = p.getArray().getGradient()) {
                    gradient.subi(gradient);
                }
            }
        }
        try (NDManager step = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray a = first.duplicate();
            NDArray b = second.duplicate();
            a.attach(step);
            b.attach(step);
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            NDList input = asParts ? new NDList(a, b) : new NDList(NDArrays.concat(new NDList(a, b), 1));
            NDArray out = unit.forward(store, input, training).singletonOrThrow();
            // A loss that weighs every output element differently, so that no gradient is trivially uniform.
            NDArray weights = step.arange((float) out.size()).reshape(out.getShape()).sin();
            collector.backward(out.mul(weights).sum());
            float[] inputGradients = NDArrays.concat(new NDList(a.getGradient(), b.getGradient()), 1).toFloatArray();
            List<float[]> parameterGradients = new ArrayList<>();
            for (Parameter p : unit.getParameters().values()) {
                if (p.requiresGradient()) {
                    // The gradient's handle is attached to the parameters' manager: closed so that it does not count.
                    try (NDArray gradient = p.getArray().getGradient()) {
                        parameterGradients.add(gradient.toFloatArray());
                    }
                }
            }
            return new Run(out.toFloatArray(), inputGradients, parameterGradients);
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        float scale = 0;
        float worst = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        // Relative, but at least 1e-5 absolute: a bias before BatchNorm has a gradient of rounding noise only.
        assertTrue(worst <= 1e-5f * Math.max(scale, 1f), what + ": worst difference " + worst + " (scale " + scale + ")");
    }
}
