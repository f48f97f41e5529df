package org.mtan4j.runtime;

import java.util.ArrayList;
import java.util.List;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.MetricProvider;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.runtime.config.RunConfig;

/**
 * A configuration checked against the plugins found: every provider chosen, every option typed, every
 * default written out in {@link #config()} (the {@code config.yaml} of the run directory).
 *
 * <p>Most runs have one dataset whose samples carry every task's target (one-to-many). A run with
 * several datasets trains many-to-many ({@link #manyToMany()}): each task reads its own dataset, and
 * {@link #taskSources()} says which (the Visual Decathlon: one dataset per domain, one task each).
 *
 * @param config the fully resolved configuration
 * @param datasets the datasets' providers and options, in the order of the YAML {@code dataset} list
 * @param tasks the tasks to learn, in order
 * @param taskSources for each task, in task order, its dataset (index into {@code datasets}) and its
 *     position in that dataset's targets
 * @param imageShape one image's shape {@code (C, H, W)}, the same for every dataset
 * @param backbone the backbone's provider and options
 * @param heads one head per task
 * @param metrics the metrics of each task
 * @param weighting the weighting's provider and options
 */
@SuppressWarnings("rawtypes")
public record ResolvedRun(RunConfig config, List<Chosen<DatasetProvider>> datasets, List<TaskSpec> tasks,
        List<TaskSource> taskSources, long[] imageShape, Chosen<BackboneProvider> backbone, List<Chosen<TaskHeadProvider>> heads,
        List<List<Chosen<MetricProvider>>> metrics, Chosen<WeightingProvider> weighting) {

    /** Copies the lists; checks there is one source per task. */
    public ResolvedRun {
        datasets = List.copyOf(datasets);
        tasks = List.copyOf(tasks);
        taskSources = List.copyOf(taskSources);
        if (taskSources.size() != tasks.size()) {
            throw new IllegalArgumentException("one source per task: " + tasks.size() + " tasks, " + taskSources.size() + " sources");
        }
    }

    /**
     * A provider with its typed options.
     *
     * @param provider the provider
     * @param options an instance of the provider's options type
     * @param <P> the provider interface
     */
    public record Chosen<P>(P provider, Object options) {
    }

    /**
     * Where a task's targets come from.
     *
     * @param dataset the index of the dataset in {@link ResolvedRun#datasets()}
     * @param target the index of the task's target in that dataset's samples ({@code MultiTaskDataset#tasks()} order)
     */
    public record TaskSource(int dataset, int target) {
    }

    /** Whether the tasks come from several datasets (many-to-many training). */
    public boolean manyToMany() {
        return datasets.size() > 1;
    }

    /**
     * The run's only dataset.
     *
     * @throws IllegalStateException for a many-to-many run: use {@link #datasets()} and {@link #taskSources()}
     */
    public Chosen<DatasetProvider> dataset() {
        if (datasets.size() != 1) {
            throw new IllegalStateException("the run has " + datasets.size() + " datasets (many-to-many): use datasets() and taskSources()");
        }
        return datasets.get(0);
    }

    /** For each task, its target's position in its dataset's samples (one-to-many runs: the dataset's). */
    public int[] datasetTaskIndex() {
        return taskSources.stream().mapToInt(TaskSource::target).toArray();
    }

    /** The tasks (indexes into {@link #tasks()}) whose targets come from dataset {@code dataset}, in task order. */
    public int[] tasksOf(int dataset) {
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < taskSources.size(); t++) {
            if (taskSources.get(t).dataset() == dataset) {
                out.add(t);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The same run for another image shape ({@code mtan bench} at other sizes). */
    public ResolvedRun withImageShape(long[] shape) {
        return new ResolvedRun(config, datasets, tasks, taskSources, shape.clone(), backbone, heads, metrics, weighting);
    }
}
