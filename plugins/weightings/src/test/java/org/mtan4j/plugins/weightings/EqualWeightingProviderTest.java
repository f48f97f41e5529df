package org.mtan4j.plugins.weightings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.PluginCatalog;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.api.nd.Scalars;
import org.mtan4j.testkit.WeightingContract;

class EqualWeightingProviderTest extends WeightingContract<NoOptions> {

    private static final List<TaskSpec> TASKS =
            List.of(TaskSpec.segmentation("semantic", 13), TaskSpec.depth("depth"), TaskSpec.normal("normal"));

    @Override
    protected WeightingProvider<NoOptions> provider() {
        return new EqualWeightingProvider();
    }

    @Override
    protected NoOptions options() {
        return NoOptions.INSTANCE;
    }

    @Test
    @SuppressWarnings("rawtypes") // PluginCatalog takes the raw provider interface
    void isRegisteredAsEqual() {
        PluginCatalog<WeightingProvider> catalog =
                PluginCatalog.discover(WeightingProvider.class, getClass().getClassLoader());
        assertTrue(catalog.all().get("equal") instanceof EqualWeightingProvider);
    }

    @Test
    void combineIsThePlainSumWithUnitWeights() {
        Weighting weighting = provider().create(options(), TASKS);
        assertArrayEquals(new double[] {1, 1, 1}, weighting.taskWeights());
        assertEquals(OptionalDouble.of(3), weighting.weightSum());
        NDList losses = new NDList(manager.create(2.5f), manager.create(-1.25f), manager.create(4f));
        NDArray combined = weighting.combine(losses, new StepContext(TASKS, null));
        assertEquals(5.25f, combined.getFloat());
        assertEquals(losses.get(0).getDataType(), combined.getDataType());
        assertArrayEquals(new double[] {1, 1, 1}, weighting.taskWeights());
    }

    @Test
    void gradientIsTheSumOfPerTaskGradients() {
        NDArray start = manager.randomNormal(new Shape(5));
        NDArray x = manager.randomNormal(new Shape(5));
        List<Function<NDArray, NDArray>> taskLosses = List.of(
                p -> p.square().sum(),
                p -> p.sin().mul(x).sum(),
                p -> Scalars.pow(p.sub(3), 3).mean());

        // Each backward pass gets its own copy of the parameter, so no gradient can carry over.
        NDArray expected = manager.zeros(new Shape(5));
        for (Function<NDArray, NDArray> loss : taskLosses) {
            NDArray w = parameter(start);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(loss.apply(w));
            }
            expected = expected.add(w.getGradient());
        }

        NDArray w = parameter(start);
        Weighting weighting = provider().create(options(), TASKS);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList losses = new NDList();
            taskLosses.forEach(loss -> losses.add(loss.apply(w)));
            weighting.backward(losses, new StepContext(TASKS, collector));
        }
        assertArrayEquals(expected.toFloatArray(), w.getGradient().toFloatArray(), 1e-5f);
    }

    private static NDArray parameter(NDArray value) {
        NDArray w = value.duplicate();
        w.setRequiresGradient(true);
        return w;
    }

    @Test
    void rejectsAWrongNumberOfLossesOrNonScalarLosses() {
        Weighting weighting = provider().create(options(), TASKS);
        StepContext context = new StepContext(TASKS, null);
        assertThrows(IllegalArgumentException.class,
                () -> weighting.combine(new NDList(manager.create(1f), manager.create(2f)), context));
        assertThrows(IllegalArgumentException.class, () -> weighting.combine(
                new NDList(manager.create(1f), manager.ones(new Shape(2)), manager.create(2f)), context));
        assertThrows(IllegalArgumentException.class, () -> provider().create(options(), List.of()));
    }
}
