package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;

/**
 * IMTL (Liu et al., ICLR 2021), the hybrid of LibMTL's weighting/IMTL.py. IMTL-L: learned scales
 * {@code s_k} (initialised to 0) turn the losses into {@code exp(s_k) L_k - s_k}. IMTL-G: with
 * {@code g_k} those losses' gradients and {@code u_k = g_k / |g_k|}, {@code D = g_1 - g_{2..K}} and
 * {@code U = u_1 - u_{2..K}} (rows), {@code alpha_{2..K} = g_1 U^T (D U^T)^-1} and
 * {@code alpha_1 = 1 - sum alpha_{2..K}}: the update {@code sum_k alpha_k g_k} has equal projections on
 * every {@code u_k}. The reported weights are {@code alpha}; they sum to 1.
 */
final class ImtlWeighting extends GradientWeighting {

    private final TaskScalars scales;

    ImtlWeighting(List<TaskSpec> tasks, boolean repGrad) {
        super("imtl", tasks, filled(tasks.size(), 1.0 / tasks.size()), repGrad);
        this.scales = new TaskScalars("loss_scale", tasks.size(), 0f);
    }

    @Override
    NDList transformLosses(NDList taskLosses, WeightingContext context) {
        NDArray losses = TaskScalars.stack(taskLosses);
        NDArray s = scales.valuesIn(losses.getManager());
        NDArray scaled = s.exp().mul(losses.toType(s.getDataType(), false)).sub(s);
        NDList out = new NDList(taskCount());
        for (int k = 0; k < taskCount(); k++) {
            out.add(scaled.get(k));
        }
        return out;
    }

    @Override
    double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        if (k == 1) {
            return new double[] {1};
        }
        double[] norm = new double[k];
        for (int i = 0; i < k; i++) {
            norm[i] = Math.sqrt(gram[i][i]);
        }
        // (D U^T)_{ab} = (g_0 - g_a) . (u_0 - u_b); (g_0 U^T)_b = g_0 . (u_0 - u_b), for a, b in 1..K-1
        RealMatrix du = new Array2DRowRealMatrix(k - 1, k - 1);
        RealVector gu = new ArrayRealVector(k - 1);
        for (int b = 1; b < k; b++) {
            gu.setEntry(b - 1, gram[0][0] / norm[0] - gram[0][b] / norm[b]);
            for (int a = 1; a < k; a++) {
                double value = (gram[0][0] - gram[a][0]) / norm[0] - (gram[0][b] - gram[a][b]) / norm[b];
                du.setEntry(a - 1, b - 1, value);
            }
        }
        // alpha (row) = gu (row) * du^-1  <=>  du^T alpha = gu
        RealVector alpha;
        try {
            alpha = new LUDecomposition(du.transpose()).getSolver().solve(gu);
        } catch (SingularMatrixException e) {
            // Parallel unit gradients make D U^T singular (LibMTL's torch.inverse would fail too): every
            // combination then has equal projections, so the plain mean is as impartial as any.
            return filled(k, 1.0 / k);
        }
        double[] w = new double[k];
        double sum = 0;
        for (int i = 1; i < k; i++) {
            w[i] = alpha.getEntry(i - 1);
            sum += w[i];
        }
        w[0] = 1 - sum;
        return w;
    }

    @Override
    public Optional<Block> parameters() {
        return Optional.of(scales);
    }

    @Override
    public OptionalDouble weightSum() {
        return OptionalDouble.of(1);
    }
}
