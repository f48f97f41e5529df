package org.mtan4j.api;

/**
 * What every provider of every extension point has: a unique name, a description, and a typed
 * options record with defaults.
 *
 * <p>The options type should be a Java record whose component names, written in kebab-case, are the
 * YAML keys ({@code learningRate} is {@code learning-rate}). The runtime starts from
 * {@link #defaultOptions()}, overlays the user's keys, and rejects unknown keys naming their path.
 * Providers must be cheap to construct (they are instantiated at discovery) and stateless.
 *
 * @param <O> the options record
 */
public interface PluginProvider<O> {

    /** The unique name, used as the YAML key and on the command line (e.g. {@code split}). */
    String name();

    /** One sentence for {@code mtan plugins}. */
    String description();

    /** The options record type. */
    Class<O> optionsType();

    /** The options used when the YAML gives none; every component set. */
    O defaultOptions();
}
