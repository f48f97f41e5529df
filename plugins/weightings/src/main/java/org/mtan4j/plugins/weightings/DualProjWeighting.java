package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * DualProj (TorchJD's {@code DualProj} aggregator, Quinton and Rey, "Jacobian Descent for Multi-Objective
 * Optimization", 2024; the projection of Lopez-Paz and Ranzato's Gradient Episodic Memory, NeurIPS 2017,
 * eq. 11): the mean gradient projected onto the dual cone of the task gradients, i.e. the closest update
 * that conflicts with no task ({@code d . g_k >= 0} for every k). As UPGrad, which projects each
 * {@code g_k / K} separately and adds the projections, in weight space it is the quadratic program
 * {@code min v^T G v subject to v >= 1 / K} (Proposition 1 of Quinton and Rey) on the Gram matrix divided by
 * its trace (zero below {@code normEps}) plus {@code regEps I}; the weights are {@code v}. When the mean
 * conflicts with no task it is the update itself ({@code v = 1 / K}).
 */
final class DualProjWeighting extends GradientWeighting {

    private final double normEps;
    private final double regEps;

    DualProjWeighting(List<TaskSpec> tasks, double normEps, double regEps) {
        super("dualproj", tasks, filled(tasks.size(), 1.0 / tasks.size()));
        this.normEps = normEps;
        this.regEps = regEps;
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        return UpGradWeighting.boundedQuadratic(UpGradWeighting.normalised(gram, normEps, regEps), filled(k, 1.0 / k));
    }
}
