package org.mtan4j.runtime.training;

/**
 * One finished training step.
 *
 * @param epoch from 0
 * @param stepInEpoch from 0
 * @param stepsPerEpoch steps in this epoch
 * @param globalStep from 0
 * @param taskLosses this step's loss per task
 * @param taskWeights the weighting's weights in this step
 */
public record StepEnd(int epoch, int stepInEpoch, int stepsPerEpoch, long globalStep, double[] taskLosses, double[] taskWeights) {

    /** The sum of the task losses. */
    public double totalLoss() {
        double total = 0;
        for (double loss : taskLosses) {
            total += loss;
        }
        return total;
    }
}
