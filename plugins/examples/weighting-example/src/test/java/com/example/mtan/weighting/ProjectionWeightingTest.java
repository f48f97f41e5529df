package com.example.mtan.weighting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.GradientContext;
import org.mtan4j.testkit.WeightingContract;

/**
 * The contract (its shared-gradient check holds by construction of the base class: the reported weights
 * combine the task gradients), plus this method's values worked out by hand.
 */
class ProjectionWeightingTest extends WeightingContract<NoOptions> {

    @Override
    protected WeightingProvider<NoOptions> provider() {
        return new ProjectionWeightingProvider();
    }

    @Override
    protected NoOptions options() {
        return NoOptions.INSTANCE;
    }

    /**
     * Linear losses {@code L_k = g_k . p} have the gradients {@code g_1 = (1, 0)}, {@code g_2 = (-1, 1)}:
     * they conflict ({@code g_1 . g_2 = -1}), so {@code pc_1 = g_1 + g_2 / 2 = (0.5, 0.5)} and
     * {@code pc_2 = g_2 + g_1 = (0, 1)}; the update is {@code (0.5, 1.5)}, the weights {@code (2, 1.5)}.
     */
    @Test
    void removesTheConflictingComponents() {
        List<TaskSpec> tasks = List.of(TaskSpec.depth("a"), TaskSpec.depth("b"));
        Weighting weighting = provider().create(options(), tasks);
        NDArray p = manager.zeros(shape(2));
        p.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList losses = new NDList(p.dot(manager.create(new float[] {1, 0})), p.dot(manager.create(new float[] {-1, 1})));
            weighting.backward(losses, new GradientContext(tasks, 0, 0, new Random(1), collector, List.of(p), manager));
        }
        assertArrayEquals(new float[] {0.5f, 1.5f}, p.getGradient().toFloatArray(), 1e-6f);
        assertArrayEquals(new double[] {2, 1.5}, weighting.taskWeights(), 1e-6);
    }
}
