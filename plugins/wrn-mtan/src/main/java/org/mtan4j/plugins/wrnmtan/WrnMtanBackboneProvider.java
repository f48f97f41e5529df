package org.mtan4j.plugins.wrnmtan;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.blocks.CheckedBackboneProvider;

/**
 * {@code wrn-mtan}: MTAN on a pre-activation wide ResNet (WRN-28-4 by default) with one attention
 * path per task, for the Visual Decathlon (models.md, WRN-MTAN); pair it with the {@code linear}
 * head. Image sizes must be multiples of 8 (three stride-2 stages whose sizes the attention path's
 * 2x2 pools must match); the paper uses 72x72. Initialisation: PyTorch's defaults throughout, as the
 * reference (its {@code conv_init} is never applied).
 */
public final class WrnMtanBackboneProvider extends CheckedBackboneProvider<WrnMtanOptions, WrnMtanBackbone> {

    /** The YAML name. */
    public static final String NAME = "wrn-mtan";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public WrnMtanBackboneProvider() {
        super(NAME, "WRN-MTAN: pre-activation wide ResNet (28-4) with a soft-attention path per task, for the Visual"
                + " Decathlon; use with the 'linear' head.", WrnMtanOptions.class, WrnMtanOptions.DEFAULT, 8, 1, Integer.MAX_VALUE);
    }

    @Override
    protected WrnMtanBackbone build(WrnMtanOptions options, int inChannels, List<TaskSpec> tasks) {
        return new WrnMtanBackbone(new WrnMtanBlock(inChannels, options, tasks.size()));
    }
}
