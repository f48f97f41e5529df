package org.mtan4j.api.weighting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;

class LossWeightingTest {

    static {
        System.setProperty("ai.djl.offline", "true");
    }

    private static final List<TaskSpec> TWO = List.of(TaskSpec.depth("depth"), TaskSpec.normal("normal"));

    /** Weights that change every step, as DWA's would. */
    private static final class Scripted extends LossWeighting {
        private final double[][] script;
        private int step;

        Scripted(double[]... script) {
            super(TWO, new double[] {1, 1});
            this.script = script;
        }

        @Override
        protected double[] stepWeights(WeightingContext context) {
            return script[step++];
        }
    }

    @Test
    void weighsEachLossAndReportsTheStepsWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Scripted weighting = new Scripted(new double[] {0.5, 1.5}, new double[] {2, 0});
            assertArrayEquals(new double[] {1, 1}, weighting.taskWeights());
            NDList losses = new NDList(manager.create(3f), manager.create(5f));

            NDArray first = weighting.combine(losses, null);
            assertEquals(0.5f * 3 + 1.5f * 5, first.getFloat());
            assertEquals(DataType.FLOAT32, first.getDataType());
            assertArrayEquals(new double[] {0.5, 1.5}, weighting.taskWeights());

            assertEquals(6f, weighting.combine(losses, null).getFloat());
            assertArrayEquals(new double[] {2, 0}, weighting.taskWeights());
        }
    }

    @Test
    void refusesAWrongNumberOfWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Scripted weighting = new Scripted(new double[] {1});
            assertThrows(IllegalStateException.class,
                    () -> weighting.combine(new NDList(manager.create(3f), manager.create(5f)), null));
        }
    }
}
