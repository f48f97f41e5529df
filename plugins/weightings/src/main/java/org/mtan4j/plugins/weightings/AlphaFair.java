package org.mtan4j.plugins.weightings;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The alpha-fair weights of a Gram matrix G: the {@code w > 0} with {@code (G w)_i = w_i^(-1/alpha)} for
 * every task (FairGrad, Ban and Ji, ICML 2024; {@code alpha = 1} is Nash-MTL's bargaining solution
 * {@code w_i (G w)_i = 1}). That is the stationary point of the strictly convex
 * {@code f(w) = w^T G w / 2 - sum_i phi(w_i)} with {@code phi' = w^(-1/alpha)} ({@code phi = log w} for
 * {@code alpha = 1}, else {@code w^(1 - 1/alpha) / (1 - 1/alpha)}), found by a damped Newton method: exact
 * where LibMTL hands the same equations to SciPy's {@code least_squares} (FairGrad) or cvxpy (Nash-MTL).
 *
 * <p>A task whose gradient is zero ({@code G_ii} at most {@code 1e-12} of the largest) has no solution: its
 * equation {@code 0 = w_i^(-1/alpha)} would send {@code w_i} to infinity. It gets weight 0 and the others
 * are solved among themselves (such a task gains nothing from any direction, so no share goes to it).
 */
final class AlphaFair {

    private static final int MAX_ITERATIONS = 100;

    private AlphaFair() {
    }

    /**
     * @param g the Gram matrix
     * @param alpha the fairness, > 0
     * @param start where Newton starts (its positive entries; others start at 1)
     */
    static double[] solve(double[][] g, double alpha, double[] start) {
        int k = g.length;
        double largest = 0;
        for (int i = 0; i < k; i++) {
            largest = Math.max(largest, g[i][i]);
        }
        boolean[] active = new boolean[k];
        for (int i = 0; i < k; i++) {
            active[i] = g[i][i] > 1e-12 * largest;
        }
        double[] x = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = active[i] ? (start[i] > 0 ? start[i] : 1) : 0;
        }
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double[] gx = multiply(g, x);
            RealVector gradient = new ArrayRealVector(k);
            RealMatrix hessian = new Array2DRowRealMatrix(k, k);
            double residual = 0;
            double scale = 0;
            for (int i = 0; i < k; i++) {
                if (!active[i]) {
                    hessian.setEntry(i, i, 1);
                    continue;
                }
                double target = Math.pow(x[i], -1 / alpha);
                double r = gx[i] - target;
                gradient.setEntry(i, r);
                residual += r * r;
                scale += target * target;
                for (int j = 0; j < k; j++) {
                    if (active[j]) {
                        hessian.setEntry(i, j, g[i][j]);
                    }
                }
                hessian.addToEntry(i, i, target / (alpha * x[i]));
            }
            if (Math.sqrt(residual) <= 1e-12 * Math.sqrt(scale)) {
                break;
            }
            double[] step = newtonStep(hessian, gradient);
            double t = 1;
            double current = objective(g, x, active, alpha);
            for (int tries = 0; tries < 60; tries++, t /= 2) {
                double[] y = new double[k];
                boolean positive = true;
                for (int i = 0; i < k; i++) {
                    y[i] = x[i] - t * step[i];
                    positive &= !active[i] || y[i] > 0;
                }
                if (positive && objective(g, y, active, alpha) <= current) {
                    x = y;
                    break;
                }
            }
        }
        return x;
    }

    /** The Newton step {@code H^-1 gradient}; a diagonally scaled gradient step where rounding makes H indefinite. */
    private static double[] newtonStep(RealMatrix hessian, RealVector gradient) {
        try {
            return new CholeskyDecomposition(hessian, 1e-12, 0).getSolver().solve(gradient).toArray();
        } catch (NonPositiveDefiniteMatrixException e) {
            double[] step = gradient.toArray();
            for (int i = 0; i < step.length; i++) {
                step[i] /= Math.max(hessian.getEntry(i, i), Double.MIN_NORMAL);
            }
            return step;
        }
    }

    private static double objective(double[][] g, double[] x, boolean[] active, double alpha) {
        double[] gx = multiply(g, x);
        double f = 0;
        double power = 1 - 1 / alpha;
        for (int i = 0; i < x.length; i++) {
            f += 0.5 * x[i] * gx[i];
            if (active[i]) {
                f -= alpha == 1 ? Math.log(x[i]) : Math.pow(x[i], power) / power;
            }
        }
        return f;
    }

    private static double[] multiply(double[][] g, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                out[i] += g[i][j] * x[j];
            }
        }
        return out;
    }
}
