package org.mtan4j.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingContext;

/** Test-only {@code test-non-finite-loss}: a loss-level weighting whose combination is NaN from global step 2 on. */
public final class NonFiniteLossWeightingProvider extends TestWeightingProvider {

    /** Found by ServiceLoader. */
    public NonFiniteLossWeightingProvider() {
        super("test-non-finite-loss", "Test only: a NaN combined loss from step 2 on.");
    }

    @Override
    public Weighting create(NoOptions options, List<TaskSpec> tasks) {
        return new Weighting() {
            @Override
            public NDArray combine(NDList taskLosses, WeightingContext context) {
                NDArray total = taskLosses.get(0).add(taskLosses.get(1)).add(taskLosses.get(2));
                return context.step() >= 2 ? total.mul(Float.NaN) : total;
            }

            @Override
            public double[] taskWeights() {
                return new double[] {1, 1, 1};
            }
        };
    }
}
