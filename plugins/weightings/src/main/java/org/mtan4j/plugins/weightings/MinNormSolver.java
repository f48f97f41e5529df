package org.mtan4j.plugins.weightings;

import java.util.Arrays;

/**
 * The minimum-norm point of the convex hull of K vectors given their Gram matrix, by the Frank-Wolfe
 * style solver of Sener and Koltun (NeurIPS 2018, Alg. 2; their MultiObjectiveOptimization code, as
 * LibMTL's weighting/MGDA.py): the best pair in closed form, then at most 250 steps towards the
 * projected descent direction with an exact line search, stopping when the weights move less than 1e-5.
 */
final class MinNormSolver {

    private static final int MAX_ITER = 250;
    private static final double STOP_CRIT = 1e-5;

    private MinNormSolver() {
    }

    /** Weights on the simplex minimising {@code |sum_k w_k v_k|^2}. */
    static double[] solve(double[][] gram) {
        int n = gram.length;
        if (n == 1) {
            return new double[] {1};
        }
        // The best pair.
        double best = 1e8;
        int bi = 0;
        int bj = 1;
        double bc = 0.5;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double[] cd = fromTwo(gram[i][i], gram[i][j], gram[j][j]);
                if (cd[1] < best) {
                    best = cd[1];
                    bi = i;
                    bj = j;
                    bc = cd[0];
                }
            }
        }
        double[] sol = new double[n];
        sol[bi] = bc;
        sol[bj] = 1 - bc;
        if (n < 3) {
            return sol; // optimal for two vectors
        }
        for (int iter = 0; iter < MAX_ITER; iter++) {
            double[] gradDir = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    gradDir[i] -= gram[i][j] * sol[j];
                }
            }
            double[] next = nextPoint(sol, gradDir);
            double v1v1 = quad(gram, sol, sol);
            double v1v2 = quad(gram, sol, next);
            double v2v2 = quad(gram, next, next);
            double nc = fromTwo(v1v1, v1v2, v2v2)[0];
            double change = 0;
            double[] updated = new double[n];
            for (int i = 0; i < n; i++) {
                updated[i] = nc * sol[i] + (1 - nc) * next[i];
                change += Math.abs(updated[i] - sol[i]);
            }
            if (change < STOP_CRIT) {
                return sol;
            }
            sol = updated;
        }
        return sol;
    }

    /**
     * {@code {gamma, cost}}: the weight gamma of v1 minimising {@code |gamma v1 + (1 - gamma) v2|^2} and
     * that squared norm, with the reference code's 0.999 / 0.001 at the ends.
     */
    static double[] fromTwo(double v1v1, double v1v2, double v2v2) {
        if (v1v2 >= v1v1) {
            return new double[] {0.999, v1v1};
        }
        if (v1v2 >= v2v2) {
            return new double[] {0.001, v2v2};
        }
        double gamma = -1.0 * ((v1v2 - v2v2) / (v1v1 + v2v2 - 2 * v1v2));
        return new double[] {gamma, v2v2 + gamma * (v1v2 - v2v2)};
    }

    private static double quad(double[][] gram, double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                s += x[i] * y[j] * gram[i][j];
            }
        }
        return s;
    }

    private static double[] nextPoint(double[] cur, double[] grad) {
        int n = cur.length;
        double mean = Arrays.stream(grad).sum() / n;
        double[] proj = new double[n];
        double t = 1;
        boolean any1 = false;
        double min1 = Double.POSITIVE_INFINITY;
        boolean any2 = false;
        double min2 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            proj[i] = grad[i] - mean;
            if (proj[i] < 0) {
                double tm1 = -cur[i] / proj[i];
                if (tm1 > 1e-7) {
                    any1 = true;
                    min1 = Math.min(min1, tm1);
                }
            } else if (proj[i] > 0) {
                double tm2 = (1 - cur[i]) / proj[i];
                if (tm2 > 1e-7) {
                    any2 = true;
                    min2 = Math.min(min2, tm2);
                }
            }
        }
        if (any1) {
            t = min1;
        }
        if (any2) {
            t = Math.min(t, min2);
        }
        double[] next = new double[n];
        for (int i = 0; i < n; i++) {
            next[i] = proj[i] * t + cur[i];
        }
        return projectToSimplex(next);
    }

    /** The Euclidean projection onto the probability simplex (sort-based, as the reference code). */
    static double[] projectToSimplex(double[] y) {
        int m = y.length;
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < m / 2; i++) { // descending
            double tmp = sorted[i];
            sorted[i] = sorted[m - 1 - i];
            sorted[m - 1 - i] = tmp;
        }
        double tmpsum = 0;
        double tmax = (Arrays.stream(y).sum() - 1.0) / m;
        for (int i = 0; i < m - 1; i++) {
            tmpsum += sorted[i];
            double candidate = (tmpsum - 1) / (i + 1.0);
            if (candidate > sorted[i + 1]) {
                tmax = candidate;
                break;
            }
        }
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            out[i] = Math.max(y[i] - tmax, 0);
        }
        return out;
    }
}
