package org.mtan4j.plugins.weightings;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The Moore-Penrose pseudo-inverse of a small symmetric positive semi-definite matrix (a Gram matrix of
 * task gradients) applied to a vector: {@code A^+ b = sum_i v_i (v_i . b) / lambda_i} over the
 * eigenpairs of {@code A} whose eigenvalue exceeds {@code lambda_max K eps_float32}, the tolerance
 * {@code torch.linalg.pinv} applies to a float32 K x K matrix (the Gram matrix's entries are float32 dot
 * products, so smaller eigenvalues are rounding). A zero row (a zero gradient) or two equal rows (two
 * equal gradients) make {@code A} singular; {@code A^+ b} is then the least-squares solution of
 * {@code A x = b} of least norm, exact whenever {@code b} lies in {@code A}'s range.
 */
final class PseudoInverse {

    /** torch.finfo(float32).eps. */
    static final double FLOAT_EPS = Math.ulp(1.0f);

    private PseudoInverse() {
    }

    /** {@code A^+ b}; zero when {@code A} is zero. */
    static double[] solve(double[][] a, double[] b) {
        int k = b.length;
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(a, true));
        double[] values = eigen.getRealEigenvalues();
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double[] x = new double[k];
        if (!(max > 0)) {
            return x;
        }
        double tolerance = max * k * FLOAT_EPS;
        for (int e = 0; e < values.length; e++) {
            if (values[e] <= tolerance) {
                continue;
            }
            double[] v = eigen.getEigenvector(e).toArray();
            double along = 0;
            for (int i = 0; i < k; i++) {
                along += v[i] * b[i];
            }
            for (int i = 0; i < k; i++) {
                x[i] += v[i] * along / values[e];
            }
        }
        return x;
    }
}
