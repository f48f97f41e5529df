package org.mtan4j.runtime.training;

import java.util.List;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.TaskSpec;

/**
 * One finished epoch with its evaluation.
 *
 * @param epoch from 0
 * @param tasks the tasks, in order
 * @param trainLosses each task's mean training loss over the epoch
 * @param taskWeights each task's mean weight over the epoch
 * @param learningRate the learning rate used in this epoch
 * @param valLosses each task's mean validation loss
 * @param valMetrics each task's validation metric values
 * @param network the model after this epoch, for listeners that save it
 */
public record EpochEnd(int epoch, List<TaskSpec> tasks, double[] trainLosses, double[] taskWeights, double learningRate,
        double[] valLosses, List<List<MetricValue>> valMetrics, MultiTaskNetwork network) {

    /** The sum of the validation losses (checkpoint selection). */
    public double totalValLoss() {
        double total = 0;
        for (double loss : valLosses) {
            total += loss;
        }
        return total;
    }
}
