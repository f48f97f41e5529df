package org.mtan4j.plugins.weightings;

import java.util.List;
import java.util.OptionalDouble;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * Random Gradient Weighting (Lin et al., "Reasonable Effectiveness of Random Weighting: A Litmus Test
 * for Multi-Task Learning", TMLR 2022, Alg. 2), as LibMTL's weighting/RGW.py (October 2022, later
 * removed) and TorchJD's {@code Random}: each step's shared update is {@code sum_k w_k g_k} with
 * {@code w = softmax(z)}, {@code z_k ~ N(0, 1)} drawn from the run's seeded generator (a function of the
 * seed, the epoch and the step, as RLW's draws), so the weights sum to 1. The task-specific parameters
 * get their own losses' gradients. With {@code repGrad} the gradients are those with respect to the
 * shared representation. On the shared parameters the update is RLW's ({@code sum_k w_k g_k} is the
 * gradient of {@code sum_k w_k L_k}); RGW differs in leaving the task-specific gradients unweighted, and
 * costs one backward pass per task.
 */
final class RgwWeighting extends GradientWeighting {

    RgwWeighting(List<TaskSpec> tasks, boolean repGrad) {
        super("rgw", tasks, filled(tasks.size(), 1.0 / tasks.size()), repGrad);
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        return RlwWeighting.softmaxOfNormals(context.random(), taskCount());
    }

    @Override
    public OptionalDouble weightSum() {
        return OptionalDouble.of(1);
    }
}
