package org.mtan4j.api.weighting;

import ai.djl.ndarray.NDList;
import java.util.Arrays;
import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;

/**
 * What every weighting holds: the run's tasks, the check that a step brings one scalar loss per task,
 * and the weights {@link #taskWeights()} reports. {@link LossWeighting} and {@link GradientWeighting}
 * extend it; a method of another form (a loss of its own shape, a per-element gradient mask) may too,
 * recording its weights with {@link #setWeights}.
 */
public abstract class AbstractWeighting implements Weighting {

    private final List<TaskSpec> tasks;
    private double[] weights;

    /**
     * @param tasks the run's tasks, in loss order; at least one
     * @param initialWeights what {@link #taskWeights()} reports before the first step, one per task
     * @throws IllegalArgumentException when {@code tasks} is empty
     */
    protected AbstractWeighting(List<TaskSpec> tasks, double[] initialWeights) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a weighting needs at least one task");
        }
        this.tasks = List.copyOf(tasks);
        setWeights(initialWeights);
    }

    /** The run's tasks, in loss order. */
    protected final List<TaskSpec> tasks() {
        return tasks;
    }

    /** The task count K. */
    protected final int taskCount() {
        return tasks.size();
    }

    /**
     * Records the step's effective weights for {@link #taskWeights()} (copied).
     *
     * @throws IllegalStateException when there is not one weight per task
     */
    protected final void setWeights(double[] stepWeights) {
        if (stepWeights.length != tasks.size()) {
            throw new IllegalStateException(getClass().getSimpleName() + " produced " + stepWeights.length
                    + " weights for " + tasks.size() + " tasks");
        }
        weights = stepWeights.clone();
    }

    @Override
    public final double[] taskWeights() {
        return weights.clone();
    }

    /**
     * Checks there is one scalar loss per task.
     *
     * @throws IllegalArgumentException naming the task whose loss is wrong
     */
    protected final void checkLosses(NDList taskLosses) {
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

    /** A vector of {@code count} copies of {@code value}: equal weights, say. */
    protected static double[] filled(int count, double value) {
        double[] out = new double[count];
        Arrays.fill(out, value);
        return out;
    }
}
