package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDList;
import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * FairGrad (Ban and Ji, "Fair Resource Allocation in Multi-Task Learning", ICML 2024), as LibMTL's
 * weighting/FairGrad.py after the authors' code: the update {@code d = sum_k w_k g_k} maximises the
 * alpha-fair utility of the tasks' improvements {@code g_k . d}, whose optimality condition is
 * {@code (G w)_k = w_k^(-1/alpha)} for the Gram matrix G; {@link AlphaFair} solves it exactly (LibMTL
 * with SciPy's {@code least_squares} from {@code 1 / K}). {@code alpha = 1} is proportional fairness,
 * Nash-MTL's bargaining condition {@code w_k (G w)_k = 1} (without its normalisation and clipping);
 * larger alpha moves towards max-min fairness. As {@code alpha -> 0} the utility becomes linear and
 * the solution tends to {@code w = 1}, the plain sum of the gradients ({@code equal}), which is what
 * {@code alpha = 0} gives. The task-specific parameters get {@code w_k}-weighted gradients (LibMTL
 * back-propagates {@code sum_k w_k L_k}); the reported weights are {@code w}.
 *
 * <p>A task whose gradient is zero gets weight 0: no direction improves it, and the condition
 * {@code 0 = w_k^(-1/alpha)} has no solution (LibMTL's solver drives its weight up to wherever it stops).
 */
final class FairGradWeighting extends GradientWeighting {

    private final double alpha;

    FairGradWeighting(List<TaskSpec> tasks, double alpha) {
        super("fairgrad", tasks, filled(tasks.size(), 1.0 / tasks.size()));
        this.alpha = alpha;
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        if (alpha == 0) {
            return filled(k, 1);
        }
        return AlphaFair.solve(gram, alpha, filled(k, 1.0 / k));
    }

    @Override
    protected void afterCombination(NDList taskLosses, double[][] gram, double[] weights, WeightingContext context) {
        weighTaskSpecificGradients(taskLosses, weights, context);
    }
}
