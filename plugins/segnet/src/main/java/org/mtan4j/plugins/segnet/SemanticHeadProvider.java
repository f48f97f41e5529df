package org.mtan4j.plugins.segnet;

import org.mtan4j.api.TaskKind;

/**
 * {@code segnet-semantic}: the SegNet head for semantic segmentation (3x3 conv, 1x1 conv to the
 * class count, log-softmax; NLL ignoring the task's ignore value).
 */
public final class SemanticHeadProvider extends SegNetHeadProvider {

    /** The YAML name. */
    public static final String NAME = "segnet-semantic";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public SemanticHeadProvider() {
        super(NAME, TaskKind.SEGMENTATION,
                "SegNet semantic head: 3x3 conv, 1x1 conv to the classes, log-softmax; NLL ignoring unlabelled pixels.");
    }
}
