package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * CAGrad (Liu et al., NeurIPS 2021), as LibMTL's weighting/CAGrad.py: with {@code g0} the mean gradient
 * and {@code c = calpha |g0|}, find {@code w} on the simplex minimising
 * {@code g_w . g0 + c sqrt(|g_w|^2 + 1e-8)} (the dual of the paper's eq. 3), then update with
 * {@code d = g0 + c / |g_w| g_w}, divided by {@code 1 + calpha^2} ({@code rescale} 1, LibMTL's default),
 * {@code 1 + calpha} (2) or not (0). The reported weights are each task's coefficient in {@code d}.
 */
final class CaGradWeighting extends GradientWeighting {

    private final double calpha;
    private final int rescale;

    CaGradWeighting(List<TaskSpec> tasks, double calpha, int rescale) {
        super("cagrad", tasks, filled(tasks.size(), 1.0 / tasks.size()));
        this.calpha = calpha;
        this.rescale = rescale;
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        double mean = 0;
        double scale = 0;
        for (double[] row : gram) {
            for (double v : row) {
                mean += v / (k * k);
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double g0Norm = Math.sqrt(mean + 1e-8);
        double c = calpha * g0Norm + 1e-8;
        double[] ab = new double[k]; // A b with b = 1/K
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                ab[i] += gram[i][j] / k;
            }
        }
        double[] w = SimplexMinimizer.minimize(x -> {
            double[] ax = new double[k];
            double linear = 0;
            double quad = 0;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    ax[i] += gram[i][j] * x[j];
                }
                linear += x[i] * ab[i];
            }
            for (int i = 0; i < k; i++) {
                quad += x[i] * ax[i];
            }
            double root = Math.sqrt(quad + 1e-8);
            double[] gradient = new double[k];
            for (int i = 0; i < k; i++) {
                gradient[i] = ab[i] + c * ax[i] / root;
            }
            return new SimplexMinimizer.Evaluation(linear + c * root, gradient);
        }, filled(k, 1.0 / k), 1 / (scale + 1e-30));
        double gwNorm2 = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                gwNorm2 += w[i] * w[j] * gram[i][j];
            }
        }
        double lambda = c / (Math.sqrt(Math.max(gwNorm2, 0)) + 1e-8);
        double divisor = switch (rescale) {
            case 0 -> 1;
            case 1 -> 1 + calpha * calpha;
            default -> 1 + calpha;
        };
        double[] coefficients = new double[k];
        for (int i = 0; i < k; i++) {
            coefficients[i] = (1.0 / k + lambda * w[i]) / divisor;
        }
        return coefficients;
    }
}
