package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.nd.Scalars;
import org.mtan4j.api.weighting.AbstractWeighting;
import org.mtan4j.api.weighting.LossWeighting;

/**
 * Geometric Loss Strategy (Chennupati et al., "MultiNet++: Multi-Stream Feature Aggregation and
 * Geometric Loss Strategy for Multi-Task Learning", CVPR 2019 Workshops), as LibMTL's weighting/GLS.py:
 * the loss is the geometric mean of the task losses, {@code L = (prod_k L_k)^(1/K)}, computed as
 * {@code exp(mean_k log L_k)}. Its gradient weighs task k with {@code dL/dL_k = L / (K L_k)}, which is
 * what {@link #taskWeights()} reports (LibMTL reports {@code L_k / (K prod_j L_j)}, not a derivative).
 *
 * <p>A loss of exactly 0 (a batch without a valid pixel) would make the product 0, the other tasks'
 * weights 0 and its own 0 / 0 (LibMTL's gradient is NaN there): such a task is left out of the mean for
 * that step (weight 0) and K counts the others. When every loss is 0 nothing trains.
 */
final class GlsWeighting extends AbstractWeighting {

    GlsWeighting(List<TaskSpec> tasks) {
        super(tasks, filled(tasks.size(), 1.0 / tasks.size()));
    }

    @Override
    public NDArray combine(NDList taskLosses, WeightingContext context) {
        checkLosses(taskLosses);
        int k = taskCount();
        double[] values = new double[k];
        NDArray logSum = null;
        int present = 0;
        for (int t = 0; t < k; t++) {
            values[t] = taskLosses.get(t).getFloat();
            if (values[t] > 0) {
                NDArray log = taskLosses.get(t).log();
                logSum = logSum == null ? log : logSum.add(log);
                present++;
            }
        }
        double[] w = new double[k];
        if (logSum == null) {
            setWeights(w);
            return LossWeighting.weightedSum(taskLosses, w);
        }
        NDArray mean = Scalars.div(logSum, present).exp();
        double value = mean.getFloat();
        for (int t = 0; t < k; t++) {
            w[t] = values[t] > 0 ? value / (present * values[t]) : 0;
        }
        setWeights(w);
        return mean;
    }
}
