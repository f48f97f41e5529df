package org.mtan4j.runtime;

import ai.djl.ndarray.types.Shape;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.mtan4j.api.Backbone;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricProvider;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.TaskHead;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.runtime.ResolvedRun.Chosen;
import org.mtan4j.runtime.training.MultiTaskNetwork;

/**
 * The plugins of one run, built through their providers from the resolved options: the dataset, the
 * backbone, one head per task, the weighting, and fresh metrics on demand. One instance per run.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class RunComponents implements AutoCloseable {

    private final ResolvedRun run;
    private final List<MultiTaskDataset> datasets = new ArrayList<>();
    private final boolean openData;
    private final Backbone backbone;
    private final List<TaskHead> heads = new ArrayList<>();
    private final Weighting weighting;
    private final MultiTaskNetwork network;

    /** Builds every plugin of {@code run}. */
    @Inject
    public RunComponents(ResolvedRun run) {
        this(run, true);
    }

    private RunComponents(ResolvedRun run, boolean openData) {
        this.run = run;
        this.openData = openData;
        if (openData) {
            for (Chosen<DatasetProvider> d : run.datasets()) {
                try {
                    datasets.add(d.provider().open(d.options()));
                } catch (IOException e) {
                    close();
                    throw new UncheckedIOException("cannot open dataset '" + d.provider().name() + "': " + e.getMessage(), e);
                } catch (RuntimeException e) {
                    close();
                    throw e;
                }
            }
        }
        Chosen<BackboneProvider> b = run.backbone();
        this.backbone = b.provider().create(b.options(), new BackboneContext(run.tasks(), new Shape(run.imageShape())));
        for (int t = 0; t < run.tasks().size(); t++) {
            Chosen<TaskHeadProvider> h = run.heads().get(t);
            heads.add(h.provider().create(h.options(), run.tasks().get(t), backbone.featureChannels(t)));
        }
        Chosen<WeightingProvider> w = run.weighting();
        this.weighting = w.provider().create(w.options(), run.tasks());
        this.network = new MultiTaskNetwork(backbone, heads, weighting.parameters());
    }

    /**
     * Every plugin of {@code run} but the dataset, which is not opened: for measuring the model on
     * synthetic inputs ({@code mtan bench}) where the data may be absent. {@link #dataset()} then fails.
     */
    public static RunComponents withoutData(ResolvedRun run) {
        return new RunComponents(run, false);
    }

    /**
     * The run's only dataset.
     *
     * @throws IllegalStateException if built {@link #withoutData without data}, or for a run with several
     *     datasets (many-to-many: see {@link #datasets()})
     */
    public MultiTaskDataset dataset() {
        List<MultiTaskDataset> all = datasets();
        if (all.size() != 1) {
            throw new IllegalStateException("the run has " + all.size() + " datasets (many-to-many): use datasets()");
        }
        return all.get(0);
    }

    /**
     * Every dataset, in the order of {@link ResolvedRun#datasets()}.
     *
     * @throws IllegalStateException if built {@link #withoutData without data}
     */
    public List<MultiTaskDataset> datasets() {
        if (!openData) {
            throw new IllegalStateException("these run components were built without their dataset");
        }
        return List.copyOf(datasets);
    }

    /** The backbone. */
    public Backbone backbone() {
        return backbone;
    }

    /** The heads, in task order. */
    public List<TaskHead> heads() {
        return List.copyOf(heads);
    }

    /** The weighting. */
    public Weighting weighting() {
        return weighting;
    }

    /** The whole model (not yet initialised). */
    public MultiTaskNetwork network() {
        return network;
    }

    /** Fresh metric instances, per task. */
    public List<List<Metric>> newMetrics() {
        return newMetrics(run);
    }

    /** Fresh instances of {@code run}'s metrics, per task. */
    public static List<List<Metric>> newMetrics(ResolvedRun run) {
        List<List<Metric>> all = new ArrayList<>();
        for (int t = 0; t < run.tasks().size(); t++) {
            List<Metric> taskMetrics = new ArrayList<>();
            for (Chosen<MetricProvider> m : run.metrics().get(t)) {
                taskMetrics.add(m.provider().create(m.options(), run.tasks().get(t)));
            }
            all.add(taskMetrics);
        }
        return all;
    }

    @Override
    public void close() {
        datasets.forEach(MultiTaskDataset::close);
    }
}
