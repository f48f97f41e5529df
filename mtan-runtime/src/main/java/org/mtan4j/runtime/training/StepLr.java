package org.mtan4j.runtime.training;

/** PyTorch's StepLR: {@code lr = initial * gamma^floor(epoch / stepSize)}. */
public record StepLr(double initial, int stepSize, double gamma) {

    /** The learning rate for epoch {@code epoch} (from 0). */
    public double learningRate(int epoch) {
        return initial * Math.pow(gamma, Math.floorDiv(epoch, stepSize));
    }
}
