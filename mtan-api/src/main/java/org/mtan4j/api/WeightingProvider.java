package org.mtan4j.api;

import java.util.List;

/**
 * Builds a {@link Weighting} for a run.
 *
 * @param <O> the options record
 */
public interface WeightingProvider<O> extends PluginProvider<O> {

    /** Builds a fresh weighting for the given tasks. */
    Weighting create(O options, List<TaskSpec> tasks);
}
