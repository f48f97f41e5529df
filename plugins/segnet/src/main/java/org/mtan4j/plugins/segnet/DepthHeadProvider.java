package org.mtan4j.plugins.segnet;

import org.mtan4j.api.TaskKind;

/** {@code segnet-depth}: the SegNet head for depth (3x3 conv, 1x1 conv to one channel; masked L1). */
public final class DepthHeadProvider extends SegNetHeadProvider {

    /** The YAML name. */
    public static final String NAME = "segnet-depth";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public DepthHeadProvider() {
        super(NAME, TaskKind.DEPTH, "SegNet depth head: 3x3 conv, 1x1 conv to one channel; L1 over pixels with known depth.");
    }
}
