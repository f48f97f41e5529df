package org.mtan4j.plugins.segnet;

import java.util.List;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.segnet.backbone.DenseBackbone;

/**
 * The {@code dense} backbone: the paper's dense baseline (models.md, "Variants", dense), a shared
 * SegNet plus one SegNet per task that concatenates the shared features at every stage. Builds a
 * {@link DenseBackbone}; its unused shared decoder block gets the first segmentation task's class
 * count (13 for NYUv2, also used when there is none), as the reference hard-codes NYUv2's.
 */
public final class DenseBackboneProvider extends SegNetBackboneProvider<SegNetOptions> {

    /** The YAML name. */
    public static final String NAME = "dense";

    /** The reference's class count for the unused block (NYUv2). */
    static final int REFERENCE_CLASSES = 13;

    /** Discovered by {@link java.util.ServiceLoader}. */
    public DenseBackboneProvider() {
        super(NAME, "Dense baseline: a shared SegNet plus one SegNet per task that concatenates the shared"
                + " features at every encoder and decoder stage.", SegNetOptions.class, SegNetOptions.DEFAULT,
                1, Integer.MAX_VALUE);
    }

    @Override
    protected DenseBackbone build(SegNetOptions options, int inChannels, List<TaskSpec> tasks) {
        int classes = tasks.stream().filter(t -> t.kind() == TaskKind.SEGMENTATION).mapToInt(TaskSpec::classes)
                .findFirst().orElse(REFERENCE_CLASSES);
        return new DenseBackbone(inChannels, options.filters(), tasks.size(), classes);
    }
}
