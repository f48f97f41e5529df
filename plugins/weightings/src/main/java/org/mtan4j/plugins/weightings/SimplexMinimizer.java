package org.mtan4j.plugins.weightings;

import java.util.function.Function;

/**
 * Minimises a smooth convex function over the probability simplex by projected gradient descent with
 * a backtracking (sufficient-decrease) step, for the K-dimensional problems of CAGrad; LibMTL hands the
 * same problem to SciPy's SLSQP.
 */
final class SimplexMinimizer {

    private SimplexMinimizer() {
    }

    /** A function's value and gradient at a point. */
    record Evaluation(double value, double[] gradient) {
    }

    /**
     * @param f value and gradient
     * @param start a point of the simplex
     * @param initialStep the first step size (about 1 / the gradient's Lipschitz constant)
     */
    static double[] minimize(Function<double[], Evaluation> f, double[] start, double initialStep) {
        double[] x = MinNormSolver.projectToSimplex(start);
        Evaluation e = f.apply(x);
        double step = initialStep;
        for (int iter = 0; iter < 2000; iter++) {
            double[] candidate = null;
            Evaluation ce = null;
            double moved = 0;
            for (int tries = 0; tries < 60; tries++) {
                double[] y = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    y[i] = x[i] - step * e.gradient()[i];
                }
                y = MinNormSolver.projectToSimplex(y);
                double linear = 0;
                double square = 0;
                moved = 0;
                for (int i = 0; i < x.length; i++) {
                    double d = y[i] - x[i];
                    linear += e.gradient()[i] * d;
                    square += d * d;
                    moved += Math.abs(d);
                }
                Evaluation ye = f.apply(y);
                if (ye.value() <= e.value() + linear + square / (2 * step) + 1e-15 * Math.abs(e.value())) {
                    candidate = y;
                    ce = ye;
                    break;
                }
                step /= 2;
            }
            if (candidate == null) {
                return x;
            }
            x = candidate;
            e = ce;
            step *= 2;
            if (moved < 1e-12) {
                return x;
            }
        }
        return x;
    }
}
