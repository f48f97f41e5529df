package org.mtan4j.api;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Objects;

/**
 * What a backbone is built for.
 *
 * @param tasks the run's tasks, in output order
 * @param inputShape one image's shape {@code (C, H, W)}
 */
public record BackboneContext(List<TaskSpec> tasks, Shape inputShape) {

    /** Copies the task list and checks the shape has three dimensions. */
    public BackboneContext {
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks is null"));
        Objects.requireNonNull(inputShape, "inputShape is null");
        if (inputShape.dimension() != 3) {
            throw new IllegalArgumentException("inputShape must be (C, H, W), got " + inputShape);
        }
    }
}
