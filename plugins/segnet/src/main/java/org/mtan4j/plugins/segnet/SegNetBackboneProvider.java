package org.mtan4j.plugins.segnet;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Objects;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.plugins.segnet.backbone.SegNetBackbone;
import org.mtan4j.plugins.segnet.backbone.SegNetTrunk;

/**
 * Common ground of the SegNet backbone providers: a name, a description, the input-size rule (five
 * poolings: multiples of 32) and the task-count check, done before anything is built.
 *
 * @param <O> the options record
 */
public abstract class SegNetBackboneProvider<O> implements BackboneProvider<O> {

    private final String name;
    private final String description;
    private final int minTasks;
    private final int maxTasks;

    /**
     * A provider.
     *
     * @param name the YAML name
     * @param description one sentence for {@code mtan plugins}
     * @param minTasks fewest tasks
     * @param maxTasks most tasks
     */
    protected SegNetBackboneProvider(String name, String description, int minTasks, int maxTasks) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.description = Objects.requireNonNull(description, "description is null");
        this.minTasks = minTasks;
        this.maxTasks = maxTasks;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    /** Five 2x2 poolings. */
    @Override
    public final int inputSizeMultiple() {
        return 1 << SegNetTrunk.LEVELS;
    }

    @Override
    public final int[] taskCountRange() {
        return new int[] {minTasks, maxTasks};
    }

    /**
     * Builds the backbone for the context's image channels and tasks.
     *
     * @throws IllegalArgumentException if the task count is out of range or the image height or width
     *     is not a multiple of 32
     */
    @Override
    public final SegNetBackbone create(O options, BackboneContext context) {
        Objects.requireNonNull(options, "options is null");
        Shape image = context.inputShape();
        int multiple = inputSizeMultiple();
        if (image.get(1) % multiple != 0 || image.get(2) % multiple != 0) {
            throw new IllegalArgumentException("backbone '" + name + "' needs image height and width that are multiples of "
                    + multiple + ", got " + image.get(1) + "x" + image.get(2));
        }
        int tasks = context.tasks().size();
        if (tasks < minTasks || tasks > maxTasks) {
            String allowed = minTasks == maxTasks ? "exactly " + minTasks
                    : maxTasks == Integer.MAX_VALUE ? "at least " + minTasks : minTasks + " to " + maxTasks;
            throw new IllegalArgumentException("backbone '" + name + "' takes " + allowed + " task"
                    + (maxTasks == 1 ? "" : "s") + ", got " + tasks);
        }
        return build(options, Math.toIntExact(image.get(0)), context.tasks());
    }

    /**
     * Builds the checked backbone.
     *
     * @param options the options
     * @param inChannels image channels
     * @param tasks the run's tasks, their count in range
     */
    protected abstract SegNetBackbone build(O options, int inChannels, List<TaskSpec> tasks);
}
