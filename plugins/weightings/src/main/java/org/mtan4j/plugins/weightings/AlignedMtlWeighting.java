package org.mtan4j.plugins.weightings;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * Aligned-MTL (Senushkin et al., CVPR 2023), as LibMTL's weighting/Aligned_MTL.py: with the Gram
 * matrix {@code M = V diag(lambda) V^T} restricted to its numerical rank (eigenvalues above
 * {@code max(lambda) K eps_float32}), {@code B = sqrt(lambda_min) V diag(lambda^-1/2) V^T} makes the
 * task gradients' components orthogonal with equal norms, and the update is {@code sum_k alpha_k g_k}
 * with {@code alpha} the column sums of B (the reported weights).
 */
final class AlignedMtlWeighting extends GradientWeighting {

    /** torch.finfo(float32).eps, as LibMTL's tolerance. */
    private static final double FLOAT_EPS = Math.ulp(1.0f);

    AlignedMtlWeighting(List<TaskSpec> tasks) {
        super("aligned-mtl", tasks, filled(tasks.size(), 1));
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(gram, true));
        double[] values = eigen.getRealEigenvalues();
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double tolerance = max * k * FLOAT_EPS;
        List<Integer> kept = new ArrayList<>();
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (values[i] > tolerance) {
                kept.add(i);
                smallest = Math.min(smallest, values[i]);
            }
        }
        double[] alpha = new double[k];
        if (kept.isEmpty()) {
            return alpha; // every gradient is zero: nothing to align
        }
        double root = Math.sqrt(smallest);
        for (int col = 0; col < k; col++) {
            for (int row = 0; row < k; row++) {
                double b = 0;
                for (int e : kept) {
                    double[] v = eigen.getEigenvector(e).toArray();
                    b += v[row] * v[col] / Math.sqrt(values[e]);
                }
                alpha[col] += root * b;
            }
        }
        return alpha;
    }
}
