package org.mtan4j.plugins.segnet;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.blocks.segnet.SegNetTrunk;
import org.mtan4j.plugins.segnet.backbone.SplitBackbone;

/**
 * The {@code split} backbone: one SegNet encoder-decoder shared by every task, each task reading the
 * final decoder map (the paper's "Split" in its standard, deep and wide variants; models.md
 * "Variants"). Builds a {@link SplitBackbone}.
 */
public final class SplitBackboneProvider extends SegNetBackboneProvider<SplitOptions> {

    /** The YAML name. */
    public static final String NAME = "split";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public SplitBackboneProvider() {
        super(NAME, "Split SegNet: one encoder-decoder shared by all tasks, each reading its last decoder features;"
                + " variant standard, deep (two convolutions per unit) or wide (last width doubled).", SplitOptions.class, SplitOptions.DEFAULT,
                1, Integer.MAX_VALUE);
    }

    @Override
    protected SplitBackbone build(SplitOptions options, int inChannels, List<TaskSpec> tasks) {
        return new SplitBackbone(new SegNetTrunk(inChannels, options.trunkFilters(), options.depth()), tasks.size());
    }
}
