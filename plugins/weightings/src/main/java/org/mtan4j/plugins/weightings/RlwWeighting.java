package org.mtan4j.plugins.weightings;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.LossWeighting;

/**
 * Random Loss Weighting (Lin et al., TMLR 2022; LibMTL weighting/RLW.py): each step's weights are
 * {@code softmax(z)} with {@code z_k ~ N(0, 1)} drawn from the run's seeded generator, so they sum to 1.
 */
final class RlwWeighting extends LossWeighting {

    RlwWeighting(List<TaskSpec> tasks) {
        super(tasks, filled(tasks.size(), 1.0 / tasks.size()));
    }

    @Override
    protected double[] stepWeights(WeightingContext context) {
        return softmaxOfNormals(context.random(), tasks().size());
    }

    /** {@code softmax(z)} of {@code count} standard normal draws. */
    static double[] softmaxOfNormals(Random random, int count) {
        double[] z = new double[count];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            z[k] = random.nextGaussian();
            max = Math.max(max, z[k]);
        }
        double sum = 0;
        for (int k = 0; k < count; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < count; k++) {
            z[k] /= sum;
        }
        return z;
    }

    @Override
    public OptionalDouble weightSum() {
        return OptionalDouble.of(1);
    }
}
