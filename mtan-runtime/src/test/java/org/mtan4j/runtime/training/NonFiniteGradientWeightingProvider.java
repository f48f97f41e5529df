package org.mtan4j.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingContext;

/** Test-only {@code test-non-finite-gradient}: a loss-level weighting whose combination stays finite but whose gradient is NaN from global step 2 on (sqrt at 0). */
public final class NonFiniteGradientWeightingProvider extends TestWeightingProvider {

    /** Found by ServiceLoader. */
    public NonFiniteGradientWeightingProvider() {
        super("test-non-finite-gradient", "Test only: a NaN gradient from step 2 on.");
    }

    @Override
    public Weighting create(NoOptions options, List<TaskSpec> tasks) {
        return new Weighting() {
            @Override
            public NDArray combine(NDList taskLosses, WeightingContext context) {
                NDArray total = taskLosses.get(0).add(taskLosses.get(1)).add(taskLosses.get(2));
                return context.step() >= 2 ? total.add(total.sub(total).sqrt()) : total;
            }

            @Override
            public double[] taskWeights() {
                return new double[] {1, 1, 1};
            }
        };
    }
}
