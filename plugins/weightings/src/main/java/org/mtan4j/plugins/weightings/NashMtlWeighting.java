package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDList;
import java.util.List;
import java.util.Map;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * Nash-MTL (Navon et al., ICML 2022), after LibMTL's weighting/Nash_MTL.py. The bargaining solution is
 * the {@code alpha > 0} with {@code alpha_i (G alpha)_i = 1} for the Gram matrix G divided by its
 * Frobenius norm (as LibMTL). That is the stationary point of the strictly convex
 * {@code f(alpha) = alpha^T G alpha / 2 - sum_i log alpha_i}, which {@link AlphaFair} (FairGrad of
 * fairness 1) minimises exactly with a damped Newton method warm-started from the previous solution
 * (LibMTL approximates the same point with at most {@code optim_niter} convex-concave steps in cvxpy). The task-specific parameters get
 * {@code alpha_k}-weighted gradients and the shared update {@code sum_k alpha_k g_k} is clipped to
 * {@code maxNorm} as LibMTL's {@code clip_grad_norm_} (0 disables). Weights are recomputed every
 * {@code updateWeightsEvery} steps. Tasks with a zero gradient get weight 0 (the problem has no solution
 * for them). The reported weights are the shared update's coefficients, after clipping.
 */
final class NashMtlWeighting extends GradientWeighting {

    private final int updateWeightsEvery;
    private final double maxNorm;
    private double[] alpha;
    private long step;

    NashMtlWeighting(List<TaskSpec> tasks, int updateWeightsEvery, double maxNorm) {
        super("nash-mtl", tasks, filled(tasks.size(), 1));
        this.updateWeightsEvery = updateWeightsEvery;
        this.maxNorm = maxNorm;
        this.alpha = filled(tasks.size(), 1);
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        if (step++ % updateWeightsEvery == 0) {
            double frobenius = 0;
            for (double[] row : gram) {
                for (double v : row) {
                    frobenius += v * v;
                }
            }
            frobenius = Math.sqrt(frobenius);
            if (frobenius > 0) {
                double[][] normalised = new double[k][k];
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        normalised[i][j] = gram[i][j] / frobenius;
                    }
                }
                alpha = AlphaFair.solve(normalised, 1, alpha);
            }
        }
        // ||sum alpha_k g_k|| from the Gram matrix; torch's clip coefficient max_norm / (norm + 1e-6), at most 1
        double norm2 = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                norm2 += alpha[i] * alpha[j] * gram[i][j];
            }
        }
        double clip = maxNorm > 0 ? Math.min(1, maxNorm / (Math.sqrt(Math.max(norm2, 0)) + 1e-6)) : 1;
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = alpha[i] * clip;
        }
        return w;
    }

    @Override
    protected void afterCombination(NDList taskLosses, double[][] gram, double[] weights, WeightingContext context) {
        // LibMTL back-propagates sum alpha_k L_k: the task-specific parameters get alpha_k-weighted gradients.
        weighTaskSpecificGradients(taskLosses, alpha, context);
    }

    /** The last solved weights {@code alpha} and the step count (the solve runs every few steps). */
    @Override
    public Map<String, double[]> state() {
        return Map.of("alpha", alpha.clone(), "step", new double[] {step});
    }

    @Override
    public void restoreState(Map<String, double[]> state) {
        alpha = States.require(state, "nash-mtl", "alpha", taskCount());
        step = States.count(state, "nash-mtl", "step");
    }
}
