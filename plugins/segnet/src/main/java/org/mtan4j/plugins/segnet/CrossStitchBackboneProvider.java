package org.mtan4j.plugins.segnet;

import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.segnet.backbone.CrossStitchBackbone;

/**
 * The {@code cross-stitch} backbone: the paper's cross-stitch baseline on SegNet (models.md,
 * "Variants", cross), one SegNet per task with learned scalar mixing of the task networks between
 * stages. Needs at least two tasks. Builds a {@link CrossStitchBackbone}.
 */
public final class CrossStitchBackboneProvider extends SegNetBackboneProvider<SegNetOptions> {

    /** The YAML name. */
    public static final String NAME = "cross-stitch";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public CrossStitchBackboneProvider() {
        super(NAME, "Cross-stitch baseline: one SegNet per task, mixed by learned cross-stitch units between"
                + " stages (at least two tasks).", SegNetOptions.class, SegNetOptions.DEFAULT,
                2, Integer.MAX_VALUE);
    }

    @Override
    protected CrossStitchBackbone build(SegNetOptions options, int inChannels, List<TaskSpec> tasks) {
        return new CrossStitchBackbone(inChannels, options.filters(), tasks.size());
    }
}
