package org.mtan4j.plugins.segnet;

import org.mtan4j.blocks.CheckedBackboneProvider;
import org.mtan4j.plugins.segnet.backbone.SegNetBackbone;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * Common ground of the SegNet backbone providers: the input-size rule (five poolings: multiples of
 * 32) on top of the checks every {@link CheckedBackboneProvider} does before anything is built.
 *
 * @param <O> the options record
 */
public abstract class SegNetBackboneProvider<O> extends CheckedBackboneProvider<O, SegNetBackbone> {

    /**
     * A provider.
     *
     * @param name the YAML name
     * @param description one sentence for {@code mtan plugins}
     * @param optionsType the options record's class
     * @param defaultOptions the paper's options
     * @param minTasks fewest tasks
     * @param maxTasks most tasks
     */
    protected SegNetBackboneProvider(String name, String description, Class<O> optionsType, O defaultOptions, int minTasks,
            int maxTasks) {
        super(name, description, optionsType, defaultOptions, 1 << SegNetTrunk.LEVELS, minTasks, maxTasks);
    }
}
