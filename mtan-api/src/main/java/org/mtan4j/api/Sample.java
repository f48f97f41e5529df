package org.mtan4j.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Objects;

/**
 * One multi-task example.
 *
 * @param image the input, {@code (C, H, W)} float32, in the range the dataset documents (RGB in [0, 1]
 *     for the dense datasets, as the paper's pre-processed files)
 * @param targets one target per task, in the dataset's task order (shapes per {@link TaskKind})
 */
public record Sample(NDArray image, NDList targets) {

    /** Checks neither part is null. */
    public Sample {
        Objects.requireNonNull(image, "image is null");
        Objects.requireNonNull(targets, "targets is null");
    }
}
