package org.mtan4j.plugins.weightings;

import java.util.Map;

/** Reading back a weighting's {@link org.mtan4j.api.Weighting#state()}, with errors that name the key. */
final class States {

    private States() {
    }

    /** The array under {@code key}, which must have {@code length} values; a copy. */
    static double[] require(Map<String, double[]> state, String weighting, String key, int length) {
        double[] values = state.get(key);
        if (values == null) {
            throw new IllegalArgumentException("the state of weighting '" + weighting + "' has no '" + key + "'; it has "
                    + state.keySet());
        }
        if (values.length != length) {
            throw new IllegalArgumentException("the state '" + key + "' of weighting '" + weighting + "' has " + values.length
                    + " values, expected " + length);
        }
        return values.clone();
    }

    /** A count kept in a one-element array. */
    static long count(Map<String, double[]> state, String weighting, String key) {
        return (long) require(state, weighting, key, 1)[0];
    }
}
