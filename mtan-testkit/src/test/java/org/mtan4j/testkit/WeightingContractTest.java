package org.mtan4j.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.api.weighting.LossWeighting;
import org.opentest4j.AssertionFailedError;

/** The contract's shared-gradient check passes an honest method and fails one whose reported weights lie. */
class WeightingContractTest {

    /** Reports weight 1 for every task but trains {@code scale} times the sum of the losses. */
    private static Weighting scaledSum(List<TaskSpec> tasks, double scale) {
        double[] ones = new double[tasks.size()];
        Arrays.fill(ones, 1);
        double[] applied = new double[tasks.size()];
        Arrays.fill(applied, scale);
        return new Weighting() {
            @Override
            public NDArray combine(NDList taskLosses, WeightingContext context) {
                return LossWeighting.weightedSum(taskLosses, applied);
            }

            @Override
            public double[] taskWeights() {
                return ones.clone();
            }
        };
    }

    private static WeightingContract<NoOptions> contractOf(double scale) {
        return new WeightingContract<>() {
            @Override
            protected WeightingProvider<NoOptions> provider() {
                return new Provider(scale);
            }

            @Override
            protected NoOptions options() {
                return NoOptions.INSTANCE;
            }
        };
    }

    private static final class Provider extends AbstractPluginProvider<NoOptions> implements WeightingProvider<NoOptions> {
        private final double scale;

        Provider(double scale) {
            super("scaled-sum", "The sum of the losses, scaled.", NoOptions.class, NoOptions.INSTANCE);
            this.scale = scale;
        }

        @Override
        public Weighting create(NoOptions options, List<TaskSpec> tasks) {
            return scaledSum(tasks, scale);
        }
    }

    private static void check(WeightingContract<NoOptions> contract) {
        contract.openManager();
        try {
            contract.theSharedGradientIsTheCombinationTheMethodDeclares();
        } finally {
            contract.closeManager();
        }
    }

    @Test
    void passesAMethodWhoseSharedGradientIsTheReportedCombination() {
        check(contractOf(1));
    }

    @Test
    void failsAMethodThatReportsOtherWeightsThanItApplies() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> check(contractOf(1.01)));
        assertTrue(failure.getMessage().contains("the shared gradient is sum_k w_k g_k"), failure.getMessage());
    }
}
