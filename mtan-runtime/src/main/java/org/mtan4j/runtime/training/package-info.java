/**
 * Training and evaluation: the multi-task network assembled from a backbone and heads, PyTorch's Adam,
 * SGD and StepLR, background batch loading, the training loop with a sub-manager per step, and the
 * narrow {@link org.mtan4j.runtime.training.TrainingListener} callbacks that carry every side effect.
 * Gradient-level weightings get per-task gradients of the backbone's shared parameters (or of the
 * representations handed to the heads) from {@code SharedGradients}, the one class that calls the
 * PyTorch engine directly (backward keeping the graph). {@link org.mtan4j.runtime.training.StepBench}
 * times the trainer's own step for {@code mtan bench}.
 *
 * <p>Two loops: {@link org.mtan4j.runtime.training.MultiTaskTrainer} (one-to-many: one dataset, every
 * batch carries every task's targets) and {@link org.mtan4j.runtime.training.ManyToManyTrainer} (several
 * datasets, one task per batch, visited in turn or interleaved as {@link org.mtan4j.runtime.training.TaskSchedule}
 * plans, with PyTorch's SGD ({@link org.mtan4j.runtime.training.PyTorchSgd}) and restarts). In the latter
 * only loss-level weightings apply: see {@link org.mtan4j.api.Weighting}.
 */
package org.mtan4j.runtime.training;
