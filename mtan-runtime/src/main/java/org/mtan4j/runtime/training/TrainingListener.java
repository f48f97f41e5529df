package org.mtan4j.runtime.training;

/**
 * Narrow callbacks for the side effects of a run (progress, metrics files, checkpoints, logs). Every
 * method has an empty default; a listener overrides what it needs. Listeners run on the training
 * thread in registration order, and must not keep the arrays they are shown.
 */
public interface TrainingListener {

    /** Once, after the model is built and before the first step. */
    default void onRunStart(RunStart start) {
    }

    /** After every training step. */
    default void onStep(StepEnd step) {
    }

    /** Many-to-many runs: before the first step of each restart ({@code training.restarts}). */
    default void onRestart(Restart restart) {
    }

    /** After each epoch's evaluation (and the learning-rate step). */
    default void onEpochEnd(EpochEnd epoch) {
    }

    /** Once, after the last epoch. */
    default void onRunEnd(RunEnd end) {
    }
}
