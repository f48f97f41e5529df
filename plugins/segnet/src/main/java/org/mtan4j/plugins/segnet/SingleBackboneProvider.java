package org.mtan4j.plugins.segnet;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.blocks.segnet.SegNetTrunk;
import org.mtan4j.plugins.segnet.backbone.SplitBackbone;

/**
 * The {@code single} backbone: the paper's one-task SegNet (models.md, "Variants", single), a
 * {@link SplitBackbone} for exactly one task with the reference's one-task names ({@code pred_task.}).
 */
public final class SingleBackboneProvider extends SegNetBackboneProvider<SegNetOptions> {

    /** The YAML name. */
    public static final String NAME = "single";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public SingleBackboneProvider() {
        super(NAME, "Single-task SegNet: one encoder-decoder for exactly one task (the paper's one-task baseline).", SegNetOptions.class, SegNetOptions.DEFAULT,
                1, 1);
    }

    @Override
    protected SplitBackbone build(SegNetOptions options, int inChannels, List<TaskSpec> tasks) {
        return new SplitBackbone(new SegNetTrunk(inChannels, options.filters()), 1, true);
    }
}
