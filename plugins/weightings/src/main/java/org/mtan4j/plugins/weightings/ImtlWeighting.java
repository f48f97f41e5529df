package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * IMTL (Liu et al., "Towards Impartial Multi-task Learning", ICLR 2021), the hybrid of LibMTL's
 * weighting/IMTL.py. IMTL-L: learned scales {@code s_k} (initialised to 0) turn the losses into
 * {@code exp(s_k) L_k - s_k}. IMTL-G: with {@code g_k} those losses' gradients, {@code u_k = g_k / |g_k|}
 * and the Gram matrix {@code G_ij = g_i . g_j}, the update {@code d = sum_k alpha_k g_k} with
 * {@code sum_k alpha_k = 1} must have equal projections {@code d . u_k = c} on every unit gradient. As
 * {@code d . u_k = (G alpha)_k / |g_k|}, that is {@code G alpha = c n} with {@code n_k = |g_k|}, so
 * {@code alpha = G^-1 n / (1 . G^-1 n)}: the paper's closed form (which LibMTL evaluates as
 * {@code g_1 U^T (D U^T)^-1} with task 1 as reference) in Gram-matrix terms.
 *
 * <p>Degenerate sets are solved with the pseudo-inverse, {@code alpha = G^+ n / (1 . G^+ n)}, as TorchJD's
 * IMTL-G generalises the method (Quinton and Rey, "Jacobian Descent for Multi-Objective Optimization",
 * 2024). A task whose gradient is exactly zero (a batch without a valid pixel) is a zero row and column of
 * {@code G}: {@code G^+} has the same, so the task gets weight 0 and the others equal projections among
 * themselves (LibMTL divides by the zero norm: NaN). Two identical gradients are two equal rows; when
 * the distinct gradients are linearly independent {@code n} still lies in {@code G}'s range, so
 * {@code G alpha = c n} holds exactly and every task, the identical ones included, gets the same
 * projection (the least-norm solution splits the weight evenly between them; LibMTL's inverse fails). For any other rank-deficient set {@code G^+ n} is the least-squares solution.
 * When every gradient is zero the update is zero whatever the weights; they are then {@code 1 / K}.
 * The reported weights are {@code alpha}; they sum to 1.
 */
final class ImtlWeighting extends GradientWeighting {

    private final TaskScalars scales;

    ImtlWeighting(List<TaskSpec> tasks, boolean repGrad) {
        super("imtl", tasks, filled(tasks.size(), 1.0 / tasks.size()), repGrad);
        this.scales = new TaskScalars("loss_scale", tasks.size(), 0f);
    }

    @Override
    protected NDList transformLosses(NDList taskLosses, WeightingContext context) {
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
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        double[] norm = norms(gram);
        double[] v = PseudoInverse.solve(gram, norm);
        double sum = 0;
        double size = 0;
        for (double value : v) {
            sum += value;
            size += Math.abs(value);
        }
        if (!(Math.abs(sum) > 1e-12 * size)) {
            return filled(k, 1.0 / k); // every gradient zero: no update to share out
        }
        double[] alpha = new double[k];
        for (int i = 0; i < k; i++) {
            alpha[i] = v[i] / sum;
        }
        return alpha;
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
