package org.mtan4j.runtime.training;

import java.util.List;

/**
 * A finished run.
 *
 * @param epochs every epoch's result, in order
 * @param baselines constant predictors evaluated on the validation split, for comparison
 */
public record RunEnd(List<EpochEnd> epochs, Baselines.Result baselines) {

    /** The last epoch. */
    public EpochEnd last() {
        return epochs.get(epochs.size() - 1);
    }
}
