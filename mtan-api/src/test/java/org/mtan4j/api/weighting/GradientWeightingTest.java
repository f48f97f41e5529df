package org.mtan4j.api.weighting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;

/** The gradient-level base: the Gram matrix it hands on, the combination it writes, what it refuses. */
class GradientWeightingTest {

    static {
        System.setProperty("ai.djl.offline", "true");
    }

    private static final List<TaskSpec> TWO = List.of(TaskSpec.depth("depth"), TaskSpec.normal("normal"));

    /** Returns fixed weights and keeps the Gram matrix it was given. */
    private static final class Fixed extends GradientWeighting {
        private final double[] weights;
        private double[][] gram;

        Fixed(double... weights) {
            super("fixed", TWO, new double[] {1, 1});
            this.weights = weights;
        }

        @Override
        protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
            this.gram = gram;
            return weights;
        }
    }

    /** Offers the given per-task gradients and keeps the shared gradient written. */
    private static final class Context implements WeightingContext {
        private final List<NDArray> gradients;
        private boolean offered = true;
        private float[] shared;

        Context(NDArray... gradients) {
            this.gradients = List.of(gradients);
        }

        @Override
        public List<TaskSpec> tasks() {
            return TWO;
        }

        @Override
        public int epoch() {
            return 0;
        }

        @Override
        public long step() {
            return 0;
        }

        @Override
        public Random random() {
            return new Random(0);
        }

        @Override
        public void backward(NDArray loss) {
            throw new AssertionError("the base writes the shared gradient, it does not back-propagate");
        }

        @Override
        public boolean offersTaskGradients() {
            return offered;
        }

        @Override
        public List<NDArray> taskGradients(NDList taskLosses) {
            return gradients;
        }

        @Override
        public void setSharedGradient(NDArray combined) {
            shared = combined.toFloatArray();
        }
    }

    @Test
    void writesTheCombinationOfTheTaskGradientsWithTheWeightsItReports() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Fixed weighting = new Fixed(0.5, 2);
            Context context = new Context(manager.create(new float[] {1, 2}), manager.create(new float[] {3, -1}));
            weighting.backward(new NDList(manager.create(1f), manager.create(2f)), context);
            assertArrayEquals(new double[] {5, 1}, weighting.gram[0], 1e-12, "G_0j = g_0 . g_j");
            assertArrayEquals(new double[] {1, 10}, weighting.gram[1], 1e-12, "G_1j = g_1 . g_j");
            assertArrayEquals(new float[] {6.5f, -1f}, context.shared, "0.5 g_0 + 2 g_1");
            assertArrayEquals(new double[] {0.5, 2}, weighting.taskWeights());
            assertFalse(weighting.usesRepresentationGradients());
        }
    }

    @Test
    void refusesAContextWithoutTaskGradientsAndAWrongNumberOfWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList losses = new NDList(manager.create(1f), manager.create(2f));
            Context plain = new Context();
            plain.offered = false;
            var refused = assertThrows(UnsupportedOperationException.class, () -> new Fixed(1, 1).backward(losses, plain));
            assertTrue(refused.getMessage().contains("'fixed'"), refused.getMessage());
            Context context = new Context(manager.create(new float[] {1}), manager.create(new float[] {2}));
            assertThrows(IllegalStateException.class, () -> new Fixed(1).backward(losses, context));
            assertThrows(IllegalArgumentException.class, () -> new Fixed(1, 1).backward(new NDList(manager.create(1f)), context));
        }
    }

    @Test
    void needsATask() {
        assertThrows(IllegalArgumentException.class, () -> new LossWeighting(List.of(), new double[0]) {
            @Override
            protected double[] stepWeights(WeightingContext context) {
                return new double[0];
            }
        });
    }
}
