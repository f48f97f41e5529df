package org.mtan4j.plugins.wrnmtan;

import java.util.Objects;
import java.util.Set;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;

/**
 * {@code linear}: WRN-MTAN's per-task classifier (average pool, Linear, softmax) with the reference's
 * cross-entropy; predictions are log-probabilities {@code (N, classes)}.
 */
public final class LinearHeadProvider extends AbstractPluginProvider<LinearOptions>
        implements TaskHeadProvider<LinearOptions> {

    /** The YAML name. */
    public static final String NAME = "linear";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public LinearHeadProvider() {
        super(NAME, "Classification head of WRN-MTAN: average pool 8, Linear, softmax; loss -sum(onehot * log(p + 1e-20)).",
                LinearOptions.class, LinearOptions.DEFAULT);
    }

    @Override
    public Set<TaskKind> supportedKinds() {
        return Set.of(TaskKind.CLASSIFICATION);
    }

    /**
     * Builds the head.
     *
     * @throws IllegalArgumentException for a task that is not classification or non-positive channels
     */
    @Override
    public LinearHead create(LinearOptions options, TaskSpec task, int featureChannels) {
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(task, "task is null");
        if (task.kind() != TaskKind.CLASSIFICATION) {
            throw new IllegalArgumentException("head '" + NAME + "' predicts classes; task '" + task.name() + "' is "
                    + task.kind().yamlName());
        }
        if (featureChannels < 1) {
            throw new IllegalArgumentException("featureChannels must be positive, got " + featureChannels);
        }
        return new LinearHead(task, new LinearHeadBlock(featureChannels, task.classes(), options.pool()));
    }
}
