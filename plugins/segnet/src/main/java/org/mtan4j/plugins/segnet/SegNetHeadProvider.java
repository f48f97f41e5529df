package org.mtan4j.plugins.segnet;

import java.util.Objects;
import java.util.Set;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.segnet.head.SegNetHead;

/**
 * Common ground of the three SegNet head providers: each predicts one {@link TaskKind} with a
 * {@link SegNetHead} and takes no options.
 */
public abstract class SegNetHeadProvider extends AbstractPluginProvider<NoOptions> implements TaskHeadProvider<NoOptions> {

    private final TaskKind kind;

    /**
     * A provider.
     *
     * @param name the YAML name
     * @param kind the one kind it predicts
     * @param description one sentence
     */
    protected SegNetHeadProvider(String name, TaskKind kind, String description) {
        super(name, description, NoOptions.class, NoOptions.INSTANCE);
        this.kind = Objects.requireNonNull(kind, "kind is null");
    }

    @Override
    public final Set<TaskKind> supportedKinds() {
        return Set.of(kind);
    }

    /**
     * Builds the head.
     *
     * @throws IllegalArgumentException if the task is of another kind, {@code featureChannels} is not
     *     positive, or (normals) the task's ignore value is not 0
     */
    @Override
    public final SegNetHead create(NoOptions options, TaskSpec task, int featureChannels) {
        Objects.requireNonNull(task, "task is null");
        if (task.kind() != kind) {
            throw new IllegalArgumentException("head '" + name() + "' predicts " + kind.yamlName() + ", but task '"
                    + task.name() + "' is " + task.kind().yamlName());
        }
        return SegNetHead.of(task, featureChannels);
    }
}
