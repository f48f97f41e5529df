package org.mtan4j.plugins.weightings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * PCGrad (Yu et al., NeurIPS 2020, Alg. 1), as LibMTL's weighting/PCGrad.py: for each task i, in a
 * random order over all tasks j, a conflicting component ({@code pc_i . g_j < 0}) is projected out,
 * {@code pc_i -= (pc_i . g_j) / (|g_j|^2 + 1e-8) g_j}; the update is {@code sum_i pc_i}. Every
 * {@code pc_i} stays a combination of the original gradients, so it is tracked as coefficients over
 * the Gram matrix; the reported weights are those coefficients summed over i (LibMTL's batch_weight).
 */
final class PcGradWeighting extends GradientWeighting {

    /** LibMTL's guard against a zero gradient. */
    static final double EPSILON = 1e-8;

    PcGradWeighting(List<TaskSpec> tasks) {
        super("pcgrad", tasks, filled(tasks.size(), 1));
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        double[][] a = new double[k][k]; // pc_i = sum_m a[i][m] g_m
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            order.add(j);
        }
        for (int i = 0; i < k; i++) {
            a[i][i] = 1;
            Collections.shuffle(order, context.random());
            for (int j : order) {
                double dot = 0;
                for (int m = 0; m < k; m++) {
                    dot += a[i][m] * gram[m][j];
                }
                if (dot < 0) {
                    a[i][j] -= dot / (gram[j][j] + EPSILON);
                }
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
}
