package org.mtan4j.plugins.weightings;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * UPGrad (Quinton and Rey, "Jacobian Descent for Multi-Objective Optimization", 2024), as LibMTL's
 * weighting/UPGrad.py after TorchJD: the Gram matrix is divided by its trace (zero below
 * {@code normEps}) and regularised with {@code regEps I}; each {@code g_i / K} is projected onto the
 * dual cone of the gradients, which in weight space is the quadratic program
 * {@code min v^T G v subject to v >= e_i / K} (Proposition 1 of the paper); the weights are the sum of
 * the K solutions. The bound-constrained programs are solved by projected coordinate descent (exact for
 * a positive definite G; LibMTL uses quadprog).
 */
final class UpGradWeighting extends GradientWeighting {

    private final double normEps;
    private final double regEps;

    UpGradWeighting(List<TaskSpec> tasks, double normEps, double regEps) {
        super("upgrad", tasks, filled(tasks.size(), 1.0 / tasks.size()));
        this.normEps = normEps;
        this.regEps = regEps;
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        double[][] g = normalised(gram, normEps, regEps);
        double[] weights = new double[k];
        for (int i = 0; i < k; i++) {
            double[] lower = new double[k];
            lower[i] = 1.0 / k;
            double[] v = boundedQuadratic(g, lower);
            for (int j = 0; j < k; j++) {
                weights[j] += v[j];
            }
        }
        return weights;
    }

    /** TorchJD's {@code regularize(normalize(G, normEps), regEps)}: G over its trace (zero below normEps), plus regEps I. */
    static double[][] normalised(double[][] gram, double normEps, double regEps) {
        int k = gram.length;
        double trace = 0;
        for (int i = 0; i < k; i++) {
            trace += gram[i][i];
        }
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                g[i][j] = trace < normEps ? 0 : gram[i][j] / trace;
            }
            g[i][i] += regEps;
        }
        return g;
    }

    /** {@code argmin v^T G v subject to v >= lower}, G symmetric positive definite. */
    static double[] boundedQuadratic(double[][] g, double[] lower) {
        int k = lower.length;
        double[] v = lower.clone();
        for (int sweep = 0; sweep < 10_000; sweep++) {
            double change = 0;
            for (int j = 0; j < k; j++) {
                double rest = 0;
                for (int m = 0; m < k; m++) {
                    if (m != j) {
                        rest += g[j][m] * v[m];
                    }
                }
                double updated = Math.max(lower[j], -rest / g[j][j]);
                change = Math.max(change, Math.abs(updated - v[j]));
                v[j] = updated;
            }
            if (change < 1e-14) {
                break;
            }
        }
        return v;
    }
}
