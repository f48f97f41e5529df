package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.nd.Scalars;

/**
 * A loss-level weighting whose combined loss is {@code sum_k lambda_k L_k} with weights
 * {@code lambda} fixed for the step: subclasses only decide the weights (equal: all 1; DWA: from the
 * loss history, models.md "Losses, metrics, training"). It checks the losses, records the weights for
 * {@link #taskWeights()} and builds the weighted sum.
 */
abstract class LossWeighting implements Weighting {

    private final List<TaskSpec> tasks;
    private double[] weights;

    /**
     * @param tasks the run's tasks, in loss order
     * @param initialWeights what {@link #taskWeights()} reports before the first step
     */
    LossWeighting(List<TaskSpec> tasks, double[] initialWeights) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a weighting needs at least one task");
        }
        this.tasks = List.copyOf(tasks);
        this.weights = checkWeights(initialWeights);
    }

    /** The run's tasks, in loss order. */
    final List<TaskSpec> tasks() {
        return tasks;
    }

    /** The weights {@code lambda_k} of the current step, one per task; called once per step. */
    abstract double[] stepWeights(WeightingContext context);

    @Override
    public NDArray combine(NDList taskLosses, WeightingContext context) {
        checkLosses(taskLosses);
        double[] lambda = checkWeights(stepWeights(context));
        weights = lambda;
        return weightedSum(taskLosses, lambda);
    }

    @Override
    public final double[] taskWeights() {
        return weights.clone();
    }

    /**
     * {@code sum_k weights[k] * losses[k]}, in task order. A weight of exactly 1 adds the loss as it
     * is: the same value, one graph node fewer. Weights are applied as float scalars so that float32
     * losses stay float32 (a double scalar would promote a 0-d loss to float64).
     */
    static NDArray weightedSum(NDList losses, double[] weights) {
        NDArray sum = null;
        for (int k = 0; k < losses.size(); k++) {
            NDArray term = weights[k] == 1 ? losses.get(k) : Scalars.mul(losses.get(k), weights[k]);
            sum = sum == null ? term : sum.add(term);
        }
        return sum;
    }

    /**
     * Checks there is one scalar loss per task.
     *
     * @throws IllegalArgumentException naming the task whose loss is wrong
     */
    final void checkLosses(NDList taskLosses) {
        if (taskLosses.size() != tasks.size()) {
            throw new IllegalArgumentException("expected " + tasks.size() + " task losses (one per task), got "
                    + taskLosses.size());
        }
        for (int k = 0; k < tasks.size(); k++) {
            if (taskLosses.get(k).size() != 1) {
                throw new IllegalArgumentException("the loss of task '" + tasks.get(k).name()
                        + "' must be a scalar, got shape " + taskLosses.get(k).getShape());
            }
        }
    }

    private double[] checkWeights(double[] candidate) {
        if (candidate.length != tasks.size()) {
            throw new IllegalStateException(getClass().getSimpleName() + " produced " + candidate.length
                    + " weights for " + tasks.size() + " tasks");
        }
        return candidate.clone();
    }
}
