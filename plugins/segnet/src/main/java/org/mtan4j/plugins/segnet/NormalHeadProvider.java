package org.mtan4j.plugins.segnet;

import org.mtan4j.api.TaskKind;

/**
 * {@code segnet-normal}: the SegNet head for surface normals (3x3 conv, 1x1 conv to three channels,
 * L2-normalised; 1 - cosine over pixels with a known normal).
 */
public final class NormalHeadProvider extends SegNetHeadProvider {

    /** The YAML name. */
    public static final String NAME = "segnet-normal";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public NormalHeadProvider() {
        super(NAME, TaskKind.NORMAL,
                "SegNet surface-normal head: 3x3 conv, 1x1 conv to three channels, unit length; 1 - cosine over known pixels.");
    }
}
