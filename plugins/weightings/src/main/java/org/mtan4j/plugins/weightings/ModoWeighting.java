package org.mtan4j.plugins.weightings;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * MoDo, multi-objective gradient with double sampling (Chen et al., "Three-Way Trade-Off in
 * Multi-Objective Learning: Optimization, Generalization and Conflict-Avoidance", NeurIPS 2023), as
 * LibMTL's weighting/MoDo.py after the authors' code: weights {@code lambda} on the simplex (start
 * {@code 1 / K}) take one projected step {@code lambda <- Pi(lambda - gamma (G1 G2^T lambda + rho lambda))}
 * per step, and the shared update is {@code sum_k lambda_k g_k} with the new weights.
 *
 * <p>The paper (and LibMTL's trainer) draws three independent batches per step: two for the weights'
 * step ({@code G1}, {@code G2}, so that {@code G1 G2^T} is an unbiased estimate of {@code G G^T}) and a
 * third for the update. A step here has one batch, so the three samples coincide: the weights' step
 * uses the Gram matrix {@code G G^T} of the step's gradients and the update the same gradients (MoDo's
 * deterministic form). The task-specific parameters get the batch's gradients once (LibMTL averages its
 * three). The weights are the method's state between steps; they sum to 1.
 */
final class ModoWeighting extends GradientWeighting {

    private final double gamma;
    private final double rho;
    private double[] lambda;

    ModoWeighting(List<TaskSpec> tasks, double gamma, double rho) {
        super("modo", tasks, filled(tasks.size(), 1.0 / tasks.size()));
        this.gamma = gamma;
        this.rho = rho;
        this.lambda = filled(tasks.size(), 1.0 / tasks.size());
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        double[] moved = new double[k];
        for (int i = 0; i < k; i++) {
            double gl = 0;
            for (int j = 0; j < k; j++) {
                gl += gram[i][j] * lambda[j];
            }
            moved[i] = lambda[i] - gamma * (gl + rho * lambda[i]);
        }
        lambda = MinNormSolver.projectToSimplex(moved);
        return lambda.clone();
    }

    @Override
    public OptionalDouble weightSum() {
        return OptionalDouble.of(1);
    }

    /** The weights {@code lambda}. */
    @Override
    public Map<String, double[]> state() {
        return Map.of("lambda", lambda.clone());
    }

    @Override
    public void restoreState(Map<String, double[]> state) {
        lambda = States.require(state, "modo", "lambda", taskCount());
    }
}
