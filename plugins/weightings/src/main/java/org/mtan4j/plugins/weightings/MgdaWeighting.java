package org.mtan4j.plugins.weightings;

import java.util.List;
import java.util.OptionalDouble;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * MGDA-UB (Sener and Koltun, NeurIPS 2018), as LibMTL's weighting/MGDA.py: the task gradients are
 * normalised ({@code none}, {@code l2}: by their norm, {@code loss}: by the loss, {@code loss+}: by
 * both), the min-norm point {@code alpha} of their convex hull is found ({@link MinNormSolver}) and the
 * update is {@code sum_k alpha_k g_k / n_k} (LibMTL applies alpha to the normalised gradients). The
 * reported weights are {@code alpha_k / n_k}, the factor each task's raw gradient gets. On representation
 * gradients LibMTL, like the authors' code, applies {@code alpha} to the raw gradients; so does this class. With {@code repGrad} the gradients are those with respect to the shared
 * representation, the paper's MGDA-UB upper bound; without (LibMTL's default) those of the shared
 * parameters.
 *
 * <p>A task whose normaliser is 0 (its gradient, or its loss, is exactly zero, as on a batch without a
 * valid pixel) keeps its gradient unscaled, i.e. zero: the convex hull then holds the origin, and the
 * min-norm point the method prescribes is the zero update (up to the reference solver's 0.999 / 0.001
 * ends).
 */
final class MgdaWeighting extends GradientWeighting {

    private final String normalisation;

    MgdaWeighting(List<TaskSpec> tasks, String normalisation, boolean repGrad) {
        super("mgda", tasks, filled(tasks.size(), 1.0 / tasks.size()), repGrad);
        this.normalisation = normalisation;
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        double[] norm = new double[k];
        for (int i = 0; i < k; i++) {
            double l2 = Math.sqrt(gram[i][i]);
            norm[i] = switch (normalisation) {
                case "l2" -> l2;
                case "loss" -> losses[i];
                case "loss+" -> losses[i] * l2;
                default -> 1;
            };
            if (norm[i] == 0) {
                norm[i] = 1; // a zero gradient (zero loss) stays zero; LibMTL divides by 0 (NaN)
            }
        }
        double[][] scaled = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                scaled[i][j] = gram[i][j] / (norm[i] * norm[j]);
            }
        }
        double[] alpha = MinNormSolver.solve(scaled);
        if (usesRepresentationGradients()) {
            // LibMTL's rep_grad path (and the authors' code) weighs the raw representation gradients with alpha.
            return alpha;
        }
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = alpha[i] / norm[i];
        }
        return w;
    }

    @Override
    public OptionalDouble weightSum() {
        return "none".equals(normalisation) || usesRepresentationGradients() ? OptionalDouble.of(1) : OptionalDouble.empty();
    }
}
