package org.mtan4j.api;

/**
 * Builds a {@link Backbone}.
 *
 * @param <O> the options record
 */
public interface BackboneProvider<O> extends PluginProvider<O> {

    /**
     * Image height and width must be multiples of this (SegNet pools five times: 32). The runtime
     * rejects other sizes before building anything, naming the configuration key.
     */
    default int inputSizeMultiple() {
        return 1;
    }

    /**
     * How many tasks this backbone takes: {@code [min, max]}; a single-task network says {@code 1, 1}.
     */
    default int[] taskCountRange() {
        return new int[] {1, Integer.MAX_VALUE};
    }

    /**
     * Builds the backbone.
     *
     * @throws IllegalArgumentException when the options or the context do not fit, with a message
     *     naming the option
     */
    Backbone create(O options, BackboneContext context);
}
