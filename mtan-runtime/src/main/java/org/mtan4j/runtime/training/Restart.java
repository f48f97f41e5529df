package org.mtan4j.runtime.training;

/**
 * A restart of a many-to-many run ({@code training.restarts}) about to begin: the weights are those the
 * epochs before it left, untouched by the restart. The paper's decathlon code saves them here
 * ({@code model_weights/imagenet}, its last save before epoch 300) and predicts imagenet12's test split
 * from them, since imagenet12 trains no more after the restart.
 *
 * @param epoch the restart's first epoch (from 0)
 * @param network the model, to be read only (a listener saves its parameters)
 */
public record Restart(int epoch, MultiTaskNetwork network) {
}
