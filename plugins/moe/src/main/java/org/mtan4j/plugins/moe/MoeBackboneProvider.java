package org.mtan4j.plugins.moe;

import org.mtan4j.blocks.CheckedBackboneProvider;
import org.mtan4j.blocks.segnet.SegNetTrunk;
import org.mtan4j.plugins.moe.network.ExpertsBackbone;

/**
 * Common ground of this plugin's backbone providers: any number of tasks, images whose height and
 * width are multiples of 32 (SegNet pools five times; the dilated ResNet needs 8, but the rule cannot
 * depend on the options), checked before anything is built.
 *
 * @param <O> the options record
 */
public abstract class MoeBackboneProvider<O extends EncoderOptions> extends CheckedBackboneProvider<O, ExpertsBackbone> {

    /**
     * A provider.
     *
     * @param name the YAML name
     * @param description one sentence for {@code mtan plugins}, citing the paper
     * @param optionsType the options record's class
     * @param defaultOptions LibMTL's settings
     */
    protected MoeBackboneProvider(String name, String description, Class<O> optionsType, O defaultOptions) {
        super(name, description, optionsType, defaultOptions, 1 << SegNetTrunk.LEVELS, 1, Integer.MAX_VALUE);
    }
}
