package org.mtan4j.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.MetricProvider;
import org.mtan4j.api.PluginCatalog;
import org.mtan4j.api.PluginProvider;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.api.WeightingProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every plugin found on a class path, by extension point and name. */
@SuppressWarnings("rawtypes")
public final class PluginRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final PluginCatalog<BackboneProvider> backbones;
    private final PluginCatalog<TaskHeadProvider> heads;
    private final PluginCatalog<WeightingProvider> weightings;
    private final PluginCatalog<DatasetProvider> datasets;
    private final PluginCatalog<MetricProvider> metrics;

    private PluginRegistry(ClassLoader loader) {
        backbones = PluginCatalog.discover(BackboneProvider.class, loader);
        heads = PluginCatalog.discover(TaskHeadProvider.class, loader);
        weightings = PluginCatalog.discover(WeightingProvider.class, loader);
        datasets = PluginCatalog.discover(DatasetProvider.class, loader);
        metrics = PluginCatalog.discover(MetricProvider.class, loader);
        kinds().forEach((kind, catalog) -> LOG.debug("{}: {}", kind, catalog.names()));
    }

    /**
     * Discovers the plugins visible to {@code loader}.
     *
     * @throws IllegalStateException when two plugins of one kind share a name
     */
    public static PluginRegistry discover(ClassLoader loader) {
        return new PluginRegistry(loader);
    }

    /**
     * Discovers the plugins visible to the current thread's context class loader (where the CLI puts
     * third-party plugin jars), or to this class's loader when there is none.
     */
    public static PluginRegistry discover() {
        return discover(pluginClassLoader());
    }

    /** The class loader plugins are looked up in: the thread's context loader, else this class's. */
    public static ClassLoader pluginClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PluginRegistry.class.getClassLoader();
    }

    /** Backbone providers. */
    public PluginCatalog<BackboneProvider> backbones() {
        return backbones;
    }

    /** Task-head providers. */
    public PluginCatalog<TaskHeadProvider> heads() {
        return heads;
    }

    /** Weighting providers. */
    public PluginCatalog<WeightingProvider> weightings() {
        return weightings;
    }

    /** Dataset providers. */
    public PluginCatalog<DatasetProvider> datasets() {
        return datasets;
    }

    /** Metric providers. */
    public PluginCatalog<MetricProvider> metrics() {
        return metrics;
    }

    /** The catalogs by the name of their kind as YAML and {@code mtan plugins} say it. */
    public Map<String, PluginCatalog<? extends PluginProvider>> kinds() {
        Map<String, PluginCatalog<? extends PluginProvider>> all = new LinkedHashMap<>();
        all.put("backbone", backbones);
        all.put("head", heads);
        all.put("weighting", weightings);
        all.put("dataset", datasets);
        all.put("metric", metrics);
        return all;
    }

    /** Every provider of every kind. */
    public List<PluginProvider> all() {
        return kinds().values().stream().flatMap(c -> c.all().values().stream()).map(p -> (PluginProvider) p).toList();
    }
}
