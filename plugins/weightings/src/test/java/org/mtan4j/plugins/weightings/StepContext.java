package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Random;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;

/** A step's context for tests: back-propagates through the given collector. */
record StepContext(List<TaskSpec> tasks, GradientCollector collector) implements WeightingContext {

    @Override
    public int epoch() {
        return 0;
    }

    @Override
    public long step() {
        return 0;
    }

    @Override
    public Random random() {
        return new Random(0);
    }

    @Override
    public void backward(NDArray loss) {
        collector.backward(loss);
    }
}
