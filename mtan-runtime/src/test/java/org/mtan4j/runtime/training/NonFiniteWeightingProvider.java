package org.mtan4j.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingContext;

/**
 * Test-only {@code test-non-finite}: a gradient-level weighting that turns the second task's loss into
 * NaN from global step 2 on (the first step of epoch 1 in the tiny config), so the run must stop there.
 */
public final class NonFiniteWeightingProvider extends TestWeightingProvider {

    /** Found by ServiceLoader. */
    public NonFiniteWeightingProvider() {
        super("test-non-finite", "Test only: NaN in the second task's gradient from step 2 on.");
    }

    @Override
    public Weighting create(NoOptions options, List<TaskSpec> tasks) {
        return new Weighting() {
            @Override
            public NDArray combine(NDList taskLosses, WeightingContext context) {
                return taskLosses.get(0).add(taskLosses.get(1)).add(taskLosses.get(2));
            }

            @Override
            public void backward(NDList taskLosses, WeightingContext context) {
                NDList used = new NDList(taskLosses);
                if (context.step() >= 2) {
                    used.set(1, taskLosses.get(1).mul(Float.NaN));
                }
                List<NDArray> g = context.taskGradients(used);
                context.setSharedGradient(g.get(0).add(g.get(1)).add(g.get(2)));
            }

            @Override
            public double[] taskWeights() {
                return new double[] {1, 1, 1};
            }
        };
    }
}
