package org.mtan4j.runtime.config;

/**
 * StepLR: the learning rate is multiplied by {@code gamma} every {@code stepSize} epochs, stepped after
 * each epoch's evaluation (the paper: 100 and 0.5; models.md).
 *
 * @param stepSize epochs between decays
 * @param gamma the decay factor
 */
public record SchedulerConfig(Integer stepSize, Double gamma) {

    /** Fills absent values with the paper's. */
    public SchedulerConfig {
        stepSize = stepSize == null ? 100 : stepSize;
        gamma = gamma == null ? 0.5 : gamma;
    }

    /** The paper's schedule. */
    public static SchedulerConfig defaults() {
        return new SchedulerConfig(null, null);
    }
}
