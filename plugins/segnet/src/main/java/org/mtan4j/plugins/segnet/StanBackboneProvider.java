package org.mtan4j.plugins.segnet;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.segnet.backbone.MtanBackbone;
import org.mtan4j.blocks.segnet.SegNetTrunk;

/**
 * The {@code stan} backbone: the paper's Single-Task Attention Network, MTAN with one task's
 * attention branch (models.md, "Variants", stan), for exactly one task, with the reference's one-task
 * names ({@code pred_task.}). Builds an {@link MtanBackbone}.
 */
public final class StanBackboneProvider extends SegNetBackboneProvider<SegNetOptions> {

    /** The YAML name. */
    public static final String NAME = "stan";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public StanBackboneProvider() {
        super(NAME, "STAN: SegNet with one task's MTAN attention branch, for exactly one task (single-task attention baseline).", SegNetOptions.class, SegNetOptions.DEFAULT,
                1, 1);
    }

    @Override
    protected MtanBackbone build(SegNetOptions options, int inChannels, List<TaskSpec> tasks) {
        return new MtanBackbone(new SegNetTrunk(inChannels, options.filters()), 1, true);
    }
}
