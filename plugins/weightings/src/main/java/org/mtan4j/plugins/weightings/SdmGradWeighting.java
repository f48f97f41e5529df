package org.mtan4j.plugins.weightings;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * SDMGrad, stochastic direction-oriented multi-objective gradient descent (Xiao et al., "Direction-oriented
 * Multi-objective Learning: Simple and Provable Stochastic Algorithms", NeurIPS 2023), as LibMTL's
 * weighting/SDMGrad.py after the authors' code. The Gram matrix is scaled by the squared mean gradient
 * norm, {@code A = G / (mean_k |g_k|)^2} ({@code + 1e-8}); weights {@code w} on the simplex, kept from
 * step to step (start {@code 1 / K}), take {@code iterations} steps of SGD (learning rate 5, momentum
 * 0.5, its buffer fresh each step, as LibMTL's {@code torch.optim.SGD}) on
 * {@code w^T A w / 2 + lambda w^T A 1 / K}, each followed by the projection onto the simplex. The update
 * is {@code (sum_k w_k g_k + lambda mean_k g_k) / (1 + lambda)}: the min-norm direction regularised
 * towards the mean gradient, the paper's preference direction. The reported weights are each task's
 * coefficient {@code (w_k + lambda / K) / (1 + lambda)}; they sum to 1.
 *
 * <p>The paper (and LibMTL's trainer) draws three independent batches per step: two give the weights'
 * objective ({@code A} from their cross Gram matrix, unbiased) and the third the update. A step here has
 * one batch, so the three samples coincide and {@code A} is the step's own Gram matrix. The task-specific
 * parameters get the batch's gradients once (LibMTL's three backward passes add up three).
 */
final class SdmGradWeighting extends GradientWeighting {

    private static final double LEARNING_RATE = 5;
    private static final double MOMENTUM = 0.5;

    private final double lambda;
    private final int iterations;
    private double[] w;

    SdmGradWeighting(List<TaskSpec> tasks, double lambda, int iterations) {
        super("sdmgrad", tasks, filled(tasks.size(), 1.0 / tasks.size()));
        this.lambda = lambda;
        this.iterations = iterations;
        this.w = filled(tasks.size(), 1.0 / tasks.size());
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        double scale = 0;
        for (double norm : norms(gram)) {
            scale += norm / k;
        }
        double[][] a = new double[k][k];
        double[] mean = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = gram[i][j] / (scale * scale + 1e-8);
                mean[i] += a[i][j] / k;
            }
        }
        double[] buffer = null;
        for (int iter = 0; iter < iterations; iter++) {
            double[] gradient = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    gradient[i] += a[i][j] * w[j];
                }
                gradient[i] += lambda * mean[i];
            }
            if (buffer == null) {
                buffer = gradient;
            } else {
                for (int i = 0; i < k; i++) {
                    buffer[i] = MOMENTUM * buffer[i] + gradient[i];
                }
            }
            double[] moved = new double[k];
            for (int i = 0; i < k; i++) {
                moved[i] = w[i] - LEARNING_RATE * buffer[i];
            }
            w = MinNormSolver.projectToSimplex(moved);
        }
        double[] coefficients = new double[k];
        for (int i = 0; i < k; i++) {
            coefficients[i] = (w[i] + lambda / k) / (1 + lambda);
        }
        return coefficients;
    }

    @Override
    public OptionalDouble weightSum() {
        return OptionalDouble.of(1);
    }

    /** The simplex weights {@code w}. */
    @Override
    public Map<String, double[]> state() {
        return Map.of("w", w.clone());
    }

    @Override
    public void restoreState(Map<String, double[]> state) {
        w = States.require(state, "sdmgrad", "w", taskCount());
    }
}
