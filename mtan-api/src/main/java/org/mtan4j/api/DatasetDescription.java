package org.mtan4j.api;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Objects;

/**
 * What a dataset declares for given options, known without reading any data: enough to check a
 * configuration before the data is present ({@code mtan validate --no-data}).
 *
 * @param tasks the tasks, in target order, as {@link MultiTaskDataset#tasks()} would return them
 * @param imageShape one image's shape {@code (C, H, W)}, as {@link MultiTaskDataset#imageShape()}
 */
public record DatasetDescription(List<TaskSpec> tasks, Shape imageShape) {

    /** Checks both are given; copies the task list. */
    public DatasetDescription {
        Objects.requireNonNull(tasks, "tasks is null");
        Objects.requireNonNull(imageShape, "imageShape is null");
        tasks = List.copyOf(tasks);
    }
}
