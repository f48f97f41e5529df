package org.mtan4j.blocks;

import java.util.List;
import org.mtan4j.api.TaskSpec;

/** NYUv2's three tasks as the paper trains them (13 semantic classes, depth, normals), for the plugins' tests. */
public final class Nyuv2Tasks {

    /** 13-class semantic segmentation. */
    public static final TaskSpec SEMANTIC = TaskSpec.segmentation("semantic", 13);
    /** Depth. */
    public static final TaskSpec DEPTH = TaskSpec.depth("depth");
    /** Surface normals. */
    public static final TaskSpec NORMAL = TaskSpec.normal("normal");
    /** All three, in the paper's order. */
    public static final List<TaskSpec> ALL = List.of(SEMANTIC, DEPTH, NORMAL);

    private Nyuv2Tasks() {
    }
}
