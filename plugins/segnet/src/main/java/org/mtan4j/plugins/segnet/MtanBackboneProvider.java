package org.mtan4j.plugins.segnet;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.segnet.backbone.MtanBackbone;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * The {@code mtan} backbone: the paper's Multi-Task Attention Network on SegNet (models.md,
 * "Variants", mtan): a shared SegNet with one soft-attention branch per task in encoder and decoder.
 * Builds an {@link MtanBackbone}.
 */
public final class MtanBackboneProvider extends SegNetBackboneProvider<SegNetOptions> {

    /** The YAML name. */
    public static final String NAME = "mtan";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public MtanBackboneProvider() {
        super(NAME, "MTAN: shared SegNet plus a soft-attention branch per task at every encoder and decoder stage"
                + " (the paper's model).", SegNetOptions.class, SegNetOptions.DEFAULT,
                1, Integer.MAX_VALUE);
    }

    @Override
    protected MtanBackbone build(SegNetOptions options, int inChannels, List<TaskSpec> tasks) {
        return new MtanBackbone(new SegNetTrunk(inChannels, options.filters()), tasks.size(), false);
    }
}
