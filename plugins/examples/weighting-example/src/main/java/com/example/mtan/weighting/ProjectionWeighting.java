package com.example.mtan.weighting;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * A PCGrad-like projection (after Yu et al., "Gradient Surgery for Multi-Task Learning", NeurIPS 2020),
 * order-free: each task's gradient {@code g_i} loses its component along every other task's gradient it
 * conflicts with, {@code pc_i = g_i - sum_{j: g_i . g_j < 0} (g_i . g_j) / |g_j|^2 g_j}, and the update
 * is {@code sum_i pc_i}. Every {@code pc_i} is a combination of the task gradients, so the weights follow
 * from the Gram matrix alone: {@code w_j = 1 - sum_{i: G_ij < 0} G_ij / G_jj}. The base class takes the
 * per-task gradients, reports {@code w} and writes {@code sum_j w_j g_j} as the shared gradient.
 */
final class ProjectionWeighting extends GradientWeighting {

    ProjectionWeighting(List<TaskSpec> tasks) {
        super("example-projection", tasks, filled(tasks.size(), 1));
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        double[] w = filled(k, 1);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (j != i && gram[i][j] < 0) { // a conflict: a zero gradient has none
                    w[j] -= gram[i][j] / gram[j][j];
                }
            }
        }
        return w;
    }
}
