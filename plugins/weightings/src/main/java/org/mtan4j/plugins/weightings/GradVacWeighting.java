package org.mtan4j.plugins.weightings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * Gradient Vaccine (Wang et al., ICLR 2021), as LibMTL's weighting/GradVac.py at its default
 * whole-model granularity: each pair keeps an exponential moving average {@code rho^T_ij} (decay
 * {@code beta}) of the cosine similarity of {@code pc_i} and {@code g_j}; when the current similarity
 * {@code rho} falls below it, {@code pc_i += g_j |pc_i| (rho^T sqrt(1 - rho^2) - rho sqrt(1 - rho^T^2))
 * / (|g_j| sqrt(1 - rho^T^2))} raises it to the target. The other tasks are visited in random order;
 * the update is {@code sum_i pc_i}, reported as each task's total coefficient.
 */
final class GradVacWeighting extends GradientWeighting {

    private static final double EPSILON = 1e-8;

    private final double beta;
    private final double[][] rhoT;

    GradVacWeighting(List<TaskSpec> tasks, double beta) {
        super("gradvac", tasks, filled(tasks.size(), 1));
        this.beta = beta;
        this.rhoT = new double[tasks.size()][tasks.size()];
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        double[][] a = new double[k][k]; // pc_i = sum_m a[i][m] g_m
        for (int i = 0; i < k; i++) {
            a[i][i] = 1;
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    order.add(j);
                }
            }
            Collections.shuffle(order, context.random());
            for (int j : order) {
                double dot = 0;
                double pcNorm2 = 0;
                for (int m = 0; m < k; m++) {
                    dot += a[i][m] * gram[m][j];
                    for (int n = 0; n < k; n++) {
                        pcNorm2 += a[i][m] * a[i][n] * gram[m][n];
                    }
                }
                double pcNorm = Math.sqrt(Math.max(pcNorm2, 0));
                double gNorm = Math.sqrt(gram[j][j]);
                double rho = dot / (pcNorm * gNorm + EPSILON);
                double target = rhoT[i][j];
                if (rho < target) {
                    double w = pcNorm * (target * Math.sqrt(Math.max(1 - rho * rho, 0))
                            - rho * Math.sqrt(1 - target * target)) / (gNorm * Math.sqrt(1 - target * target) + EPSILON);
                    a[i][j] += w;
                }
                rhoT[i][j] = (1 - beta) * target + beta * rho;
            }
        }
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            for (int m = 0; m < k; m++) {
                w[m] += a[i][m];
            }
        }
        return w;
    }

    /** The targets {@code rho} of every task pair, row by row. */
    @Override
    public Map<String, double[]> state() {
        int k = rhoT.length;
        double[] flat = new double[k * k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(rhoT[i], 0, flat, i * k, k);
        }
        return Map.of("rho", flat);
    }

    @Override
    public void restoreState(Map<String, double[]> state) {
        int k = rhoT.length;
        double[] flat = States.require(state, "gradvac", "rho", k * k);
        for (int i = 0; i < k; i++) {
            System.arraycopy(flat, i * k, rhoT[i], 0, k);
        }
    }
}
