package org.mtan4j.api;

/** The options type of a provider that takes none. */
public record NoOptions() {

    /** The single value. */
    public static final NoOptions INSTANCE = new NoOptions();
}
