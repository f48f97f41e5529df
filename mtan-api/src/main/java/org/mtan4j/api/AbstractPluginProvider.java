package org.mtan4j.api;

import java.util.Objects;

/**
 * The four things every provider states, given once to the constructor: its YAML name, a one-sentence
 * description, its options record and the defaults. A provider extends this and implements its kind's
 * interface, e.g. {@code class MyProvider extends AbstractPluginProvider<NoOptions> implements
 * WeightingProvider<NoOptions>}, leaving only the factory method to write. Optional: implementing
 * {@link PluginProvider}'s methods directly is equivalent.
 *
 * @param <O> the options record
 */
public abstract class AbstractPluginProvider<O> implements PluginProvider<O> {

    private final String name;
    private final String description;
    private final Class<O> optionsType;
    private final O defaultOptions;

    /**
     * A provider.
     *
     * @param name the YAML name
     * @param description one sentence for {@code mtan plugins}
     * @param optionsType the options record's class ({@link NoOptions} for none)
     * @param defaultOptions the defaults ({@link NoOptions#INSTANCE} for none)
     */
    protected AbstractPluginProvider(String name, String description, Class<O> optionsType, O defaultOptions) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.description = Objects.requireNonNull(description, "description is null");
        this.optionsType = Objects.requireNonNull(optionsType, "optionsType is null");
        this.defaultOptions = Objects.requireNonNull(defaultOptions, "defaultOptions is null");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<O> optionsType() {
        return optionsType;
    }

    @Override
    public final O defaultOptions() {
        return defaultOptions;
    }
}
