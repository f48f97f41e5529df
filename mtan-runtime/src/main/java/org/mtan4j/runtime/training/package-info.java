/**
 * Training and evaluation: the multi-task network assembled from a backbone and heads, PyTorch's Adam
 * and StepLR, background batch loading, the training loop with a sub-manager per step, and the
 * narrow {@link org.mtan4j.runtime.training.TrainingListener} callbacks that carry every side effect.
 * Gradient-level weightings get per-task gradients of the backbone's shared parameters (or of the
 * representations handed to the heads) from {@code SharedGradients}, the one class that calls the
 * PyTorch engine directly (backward keeping the graph). {@link org.mtan4j.runtime.training.StepBench}
 * times the trainer's own step for {@code mtan bench}.
 */
package org.mtan4j.runtime.training;
