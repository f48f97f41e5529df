/**
 * Training and evaluation: the multi-task network assembled from a backbone and heads, PyTorch's Adam
 * and StepLR, background batch loading, the training loop with a sub-manager per step, and the
 * narrow {@link org.mtan4j.runtime.training.TrainingListener} callbacks that carry every side effect.
 */
package org.mtan4j.runtime.training;
