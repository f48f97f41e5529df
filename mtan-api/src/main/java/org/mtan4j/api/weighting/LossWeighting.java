package org.mtan4j.api.weighting;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.nd.Scalars;

/**
 * A loss-level weighting whose combined loss is {@code sum_k lambda_k L_k} with weights {@code lambda}
 * fixed for the step: a subclass only decides the weights ({@link #stepWeights}; equal: all 1; DWA: from
 * the loss history). This class checks the losses, records the weights for {@link #taskWeights()} and
 * builds the weighted sum, so the shared gradient is {@code sum_k lambda_k g_k} with the reported weights,
 * as the contract kit's {@code WeightingContract} checks.
 */
public abstract class LossWeighting extends AbstractWeighting {

    /**
     * @param tasks the run's tasks, in loss order
     * @param initialWeights what {@link #taskWeights()} reports before the first step
     */
    protected LossWeighting(List<TaskSpec> tasks, double[] initialWeights) {
        super(tasks, initialWeights);
    }

    /** The weights {@code lambda_k} of the current step, one per task; called once per step. */
    protected abstract double[] stepWeights(WeightingContext context);

    @Override
    public NDArray combine(NDList taskLosses, WeightingContext context) {
        checkLosses(taskLosses);
        double[] lambda = stepWeights(context);
        setWeights(lambda);
        return weightedSum(taskLosses, lambda);
    }

    /**
     * {@code sum_k weights[k] * losses[k]}, in task order. A weight of exactly 1 adds the loss as it
     * is: the same value, one graph node fewer. Weights are applied as float scalars the engine owns
     * ({@link Scalars}), so that float32 losses stay float32 and the backward pass reads them safely.
     */
    public static NDArray weightedSum(NDList losses, double[] weights) {
        NDArray sum = null;
        for (int k = 0; k < losses.size(); k++) {
            NDArray term = weights[k] == 1 ? losses.get(k) : Scalars.mul(losses.get(k), weights[k]);
            sum = sum == null ? term : sum.add(term);
        }
        return sum;
    }
}
