package org.mtan4j.plugins.weightings;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.LossWeighting;

/** Every task weighs 1: the step's loss is the plain sum of the task losses. */
final class EqualWeighting extends LossWeighting {

    private final double[] ones;

    /** Weights every one of {@code tasks} with 1, from the first step on. */
    EqualWeighting(List<TaskSpec> tasks) {
        super(tasks, ones(tasks.size()));
        this.ones = ones(tasks.size());
    }

    private static double[] ones(int count) {
        double[] out = new double[count];
        Arrays.fill(out, 1);
        return out;
    }

    @Override
    protected double[] stepWeights(WeightingContext context) {
        return ones;
    }

    @Override
    public OptionalDouble weightSum() {
        return OptionalDouble.of(tasks().size());
    }
}
