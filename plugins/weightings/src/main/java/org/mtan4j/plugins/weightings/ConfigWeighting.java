package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * ConFIG, conflict-free inverse gradients (Liu, Chu and Thuerey, "ConFIG: Towards Conflict-free Training
 * of Physics Informed Neural Networks", ICLR 2025, eq. 2), as TorchJD's {@code ConFIG} aggregator with its
 * default preference vector of ones: with {@code U} the matrix of unit gradients {@code u_k = g_k / |g_k|}
 * (a zero gradient gives a zero row), the direction {@code b = U^+ 1} has equal cosine with every task
 * gradient where such a direction exists (the least-squares one otherwise); the update is
 * {@code (sum_k g_k . b^) b^} with {@code b^ = b / |b|}, so its length is the sum of the gradients'
 * projections on it.
 *
 * <p>In Gram-matrix terms: with {@code n_k = |g_k|} and the cosine matrix {@code C = U U^T}
 * ({@code C_ij = G_ij / (n_i n_j)}), {@code U^+ 1 = U^T C^+ 1}, so {@code b = sum_k c_k g_k} with
 * {@code c_k = (C^+ 1)_k / n_k} ({@link PseudoInverse}) and the update is {@code sum_k w_k g_k} with
 * {@code w = c (1^T G c) / (c^T G c)}: the reported weights. A zero gradient has a zero row and column in
 * {@code C}, hence weight 0; two identical gradients get equal weights. When every gradient is zero so is
 * the update (TorchJD's normalisation of a zero vector gives zero too).
 */
final class ConfigWeighting extends GradientWeighting {

    ConfigWeighting(List<TaskSpec> tasks) {
        super("config", tasks, filled(tasks.size(), 1));
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        double[] norm = norms(gram);
        double[][] cosine = new double[k][k];
        double[] ones = filled(k, 1);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                cosine[i][j] = norm[i] > 0 && norm[j] > 0 ? gram[i][j] / (norm[i] * norm[j]) : 0;
            }
        }
        double[] beta = PseudoInverse.solve(cosine, ones);
        double[] c = new double[k];
        for (int i = 0; i < k; i++) {
            c[i] = norm[i] > 0 ? beta[i] / norm[i] : 0;
        }
        double length = 0;
        double squared = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                length += gram[i][j] * c[j];
                squared += c[i] * gram[i][j] * c[j];
            }
        }
        double[] w = new double[k];
        if (!(squared > 0)) {
            return w;
        }
        for (int i = 0; i < k; i++) {
            w[i] = c[i] * length / squared;
        }
        return w;
    }
}
