package org.mtan4j.runtime;

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
 * @param config the fully resolved configuration
 * @param dataset the dataset's provider and options
 * @param tasks the tasks to learn, in order
 * @param datasetTaskIndex for each task, its position in the dataset's targets
 * @param imageShape one image's shape {@code (C, H, W)}
 * @param backbone the backbone's provider and options
 * @param heads one head per task
 * @param metrics the metrics of each task
 * @param weighting the weighting's provider and options
 */
@SuppressWarnings("rawtypes")
public record ResolvedRun(RunConfig config, Chosen<DatasetProvider> dataset, List<TaskSpec> tasks, int[] datasetTaskIndex,
        long[] imageShape, Chosen<BackboneProvider> backbone, List<Chosen<TaskHeadProvider>> heads,
        List<List<Chosen<MetricProvider>>> metrics, Chosen<WeightingProvider> weighting) {

    /**
     * A provider with its typed options.
     *
     * @param provider the provider
     * @param options an instance of the provider's options type
     * @param <P> the provider interface
     */
    public record Chosen<P>(P provider, Object options) {
    }
}
