package org.mtan4j.blocks;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Objects;
import org.mtan4j.api.AbstractPluginProvider;
import org.mtan4j.api.Backbone;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.TaskSpec;

/**
 * Common ground of backbone providers: besides the name, description and options
 * ({@link AbstractPluginProvider}), the input-size rule and the task-count check, done before anything
 * is built.
 *
 * @param <O> the options record
 * @param <B> the backbone it builds
 */
public abstract class CheckedBackboneProvider<O, B extends Backbone> extends AbstractPluginProvider<O>
        implements BackboneProvider<O> {

    private final int inputSizeMultiple;
    private final int minTasks;
    private final int maxTasks;

    /**
     * A provider.
     *
     * @param name the YAML name
     * @param description one sentence for {@code mtan plugins}
     * @param optionsType the options record's class
     * @param defaultOptions the paper's options
     * @param inputSizeMultiple what image height and width must be multiples of
     * @param minTasks fewest tasks
     * @param maxTasks most tasks
     */
    protected CheckedBackboneProvider(String name, String description, Class<O> optionsType, O defaultOptions,
            int inputSizeMultiple, int minTasks, int maxTasks) {
        super(name, description, optionsType, defaultOptions);
        this.inputSizeMultiple = inputSizeMultiple;
        this.minTasks = minTasks;
        this.maxTasks = maxTasks;
    }

    @Override
    public final int inputSizeMultiple() {
        return inputSizeMultiple;
    }

    @Override
    public final int[] taskCountRange() {
        return new int[] {minTasks, maxTasks};
    }

    /**
     * Builds the backbone for the context's image channels and tasks.
     *
     * @throws IllegalArgumentException if the task count is out of range or the image height or width
     *     is not a multiple of {@link #inputSizeMultiple()}
     */
    @Override
    public final B create(O options, BackboneContext context) {
        Objects.requireNonNull(options, "options is null");
        Shape image = context.inputShape();
        if (image.get(1) % inputSizeMultiple != 0 || image.get(2) % inputSizeMultiple != 0) {
            throw new IllegalArgumentException("backbone '" + name() + "' needs image height and width that are multiples of "
                    + inputSizeMultiple + ", got " + image.get(1) + "x" + image.get(2));
        }
        int tasks = context.tasks().size();
        if (tasks < minTasks || tasks > maxTasks) {
            String allowed = minTasks == maxTasks ? "exactly " + minTasks
                    : maxTasks == Integer.MAX_VALUE ? "at least " + minTasks : minTasks + " to " + maxTasks;
            throw new IllegalArgumentException("backbone '" + name() + "' takes " + allowed + " task"
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
    protected abstract B build(O options, int inChannels, List<TaskSpec> tasks);
}
