package com.example.mtan.weighting;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Arrays;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.nd.Scalars;

/**
 * {@code L = (prod_k L_k)^(1/K)}, computed as {@code exp(mean_k log L_k)}. Its gradient weighs task k
 * with {@code dL/dL_k = L / (K L_k)}, which is what {@link #taskWeights()} reports. A loss-level method:
 * it only implements {@link #combine}; the runtime back-propagates the result. A loss of exactly 0 (a
 * batch without a valid pixel) would make the product 0 and every weight 0 / 0: such tasks are left
 * out of the mean (weight 0), and K counts the others.
 */
final class GeometricWeighting implements Weighting {

    private final int taskCount;
    private double[] weights;

    GeometricWeighting(int taskCount) {
        if (taskCount < 1) {
            throw new IllegalArgumentException("a weighting needs at least one task");
        }
        this.taskCount = taskCount;
        this.weights = new double[taskCount];
        Arrays.fill(weights, 1.0 / taskCount);
    }

    @Override
    public NDArray combine(NDList taskLosses, WeightingContext context) {
        if (taskLosses.size() != taskCount) {
            throw new IllegalArgumentException("expected " + taskCount + " task losses, got " + taskLosses.size());
        }
        NDArray logSum = null;
        double[] values = new double[taskCount];
        int present = 0;
        for (int k = 0; k < taskCount; k++) {
            NDArray loss = taskLosses.get(k);
            values[k] = loss.getFloat();
            if (values[k] > 0) {
                NDArray log = loss.log();
                logSum = logSum == null ? log : logSum.add(log);
                present++;
            }
        }
        double[] w = new double[taskCount];
        if (logSum == null) {
            weights = w;
            return taskLosses.get(0).mul(taskLosses.get(0).zerosLike()).sum(); // nothing to train: a zero loss
        }
        // Scalars, not div(Number): DJL's overload lets its number be freed before the backward pass.
        NDArray combined = Scalars.div(logSum, present).exp();
        double value = combined.getFloat();
        for (int k = 0; k < taskCount; k++) {
            w[k] = values[k] > 0 ? value / (present * values[k]) : 0;
        }
        weights = w;
        return combined;
    }

    @Override
    public double[] taskWeights() {
        return weights.clone();
    }
}
