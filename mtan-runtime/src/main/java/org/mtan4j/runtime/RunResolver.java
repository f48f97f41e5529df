package org.mtan4j.runtime;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.DatasetDescription;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.MetricProvider;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.PluginCatalog;
import org.mtan4j.api.PluginProvider;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.runtime.ResolvedRun.Chosen;
import org.mtan4j.runtime.ResolvedRun.TaskSource;
import org.mtan4j.runtime.config.ConfigException;
import org.mtan4j.runtime.config.OptimizerConfig;
import org.mtan4j.runtime.config.PluginRef;
import org.mtan4j.runtime.config.RestartConfig;
import org.mtan4j.runtime.config.RunConfig;
import org.mtan4j.runtime.config.SchedulerConfig;
import org.mtan4j.runtime.config.TaskConfig;
import org.mtan4j.runtime.config.TrainingConfig;

/**
 * Checks a {@link RunConfig} against the plugins found and resolves it: every error names its key path;
 * nothing is trained and the engine is not started.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class RunResolver {

    private final PluginRegistry registry;

    /** A resolver over {@code registry}. */
    public RunResolver(PluginRegistry registry) {
        this.registry = registry;
    }

    /**
     * Resolves {@code config}.
     *
     * @param source the config's file name, for messages
     * @throws ConfigException naming the key path at fault and what is allowed there
     */
    public ResolvedRun resolve(RunConfig config, String source) {
        return resolve(config, source, true);
    }

    /**
     * Resolves {@code config}, optionally without the data.
     *
     * @param source the config's file name, for messages
     * @param openData whether to open the dataset; when false its tasks and image shape come from
     *     {@link DatasetProvider#describe} (no file is read), and only a dataset that declares nothing
     *     is opened. A run resolved without data is for checking only: training opens the dataset anyway.
     * @throws ConfigException naming the key path at fault and what is allowed there
     */
    public ResolvedRun resolve(RunConfig config, String source, boolean openData) {
        if (config.name().isBlank() || config.name().contains("/") || config.name().contains("\\")) {
            throw new ConfigException(source, "name", "'" + config.name() + "' is not a usable run name (non-blank, no slashes)");
        }
        Devices.check(config.device(), source);
        checkTraining(config.training(), source);

        List<PluginRef> datasetRefs = config.datasets();
        if (datasetRefs.isEmpty()) {
            throw new ConfigException(source, "dataset", "missing; available: " + String.join(", ", registry.datasets().names()));
        }
        boolean several = datasetRefs.size() > 1;
        List<Chosen<DatasetProvider>> datasets = new ArrayList<>();
        List<PluginRef> resolvedDatasets = new ArrayList<>();
        // Every task of every dataset, in dataset order, with where it comes from.
        List<TaskSpec> datasetTasks = new ArrayList<>();
        List<TaskSource> datasetTaskSources = new ArrayList<>();
        Shape imageShape = null;
        for (int d = 0; d < datasetRefs.size(); d++) {
            String path = datasetPath(d, several);
            PluginRef ref = datasetRefs.get(d);
            if (ref == null || ref.name() == null) {
                throw new ConfigException(source, path, "missing; available: " + String.join(", ", registry.datasets().names()));
            }
            DatasetProvider provider = find(registry.datasets(), ref, path, source);
            Object options = PluginOptions.bind(provider, ref.options(), path + ".options", source);
            Optional<DatasetDescription> described = openData ? Optional.empty() : provider.describe(options);
            DatasetDescription description = described.isPresent() ? described.get() : open(provider, options, path, source);
            if (imageShape != null && !imageShape.equals(description.imageShape())) {
                throw new ConfigException(source, path + ".options", "images of shape " + description.imageShape()
                        + " differ from " + datasetPath(0, several) + "'s " + imageShape + "; every dataset of a run must give one image shape");
            }
            imageShape = description.imageShape();
            for (int j = 0; j < description.tasks().size(); j++) {
                TaskSpec task = description.tasks().get(j);
                int other = indexOf(datasetTasks, task.name());
                if (other >= 0) {
                    throw new ConfigException(source, path, "task '" + task.name() + "' is also a task of "
                            + datasetPath(datasetTaskSources.get(other).dataset(), several)
                            + "; the tasks of a run's datasets must have distinct names");
                }
                datasetTasks.add(task);
                datasetTaskSources.add(new TaskSource(d, j));
            }
            datasets.add(new Chosen<>(provider, options));
            resolvedDatasets.add(new PluginRef(provider.name(), PluginOptions.toMap(options)));
        }

        // Tasks: the configured ones in their order, else all of the datasets'.
        Map<String, TaskConfig> taskConfigs = new LinkedHashMap<>(config.tasks());
        if (taskConfigs.isEmpty()) {
            datasetTasks.forEach(t -> taskConfigs.put(t.name(), new TaskConfig(null, null)));
        }
        List<TaskSpec> tasks = new ArrayList<>();
        List<TaskSource> taskSources = new ArrayList<>();
        List<Chosen<TaskHeadProvider>> heads = new ArrayList<>();
        List<List<Chosen<MetricProvider>>> metrics = new ArrayList<>();
        Map<String, TaskConfig> resolvedTasks = new LinkedHashMap<>();
        for (Map.Entry<String, TaskConfig> entry : taskConfigs.entrySet()) {
            String path = "tasks." + entry.getKey();
            int index = indexOf(datasetTasks, entry.getKey());
            if (index < 0) {
                String has = String.join(", ", datasetTasks.stream().map(TaskSpec::name).toList());
                throw new ConfigException(source, path, several ? "none of the datasets has a task '" + entry.getKey() + "'; they have: " + has
                        : "the dataset '" + datasets.get(0).provider().name() + "' has no task '" + entry.getKey() + "'; it has: " + has);
            }
            TaskSpec task = datasetTasks.get(index);
            taskSources.add(datasetTaskSources.get(index));
            tasks.add(task);
            TaskConfig taskConfig = entry.getValue() == null ? new TaskConfig(null, null) : entry.getValue();

            PluginRef headRef = taskConfig.head() != null ? taskConfig.head() : defaultHead(task, path, source);
            TaskHeadProvider head = find(registry.heads(), headRef, path + ".head", source);
            if (!head.supportedKinds().contains(task.kind())) {
                throw new ConfigException(source, path + ".head", "'" + head.name() + "' cannot predict a " + task.kind().yamlName()
                        + " task; heads that can: " + namesFor(registry.heads(), task));
            }
            Object headOptions = PluginOptions.bind(head, headRef.options(), path + ".head.options", source);
            heads.add(new Chosen<>(head, headOptions));

            List<PluginRef> metricRefs = taskConfig.metrics() != null ? taskConfig.metrics()
                    : registry.metrics().all().values().stream().filter(m -> m.supportedKinds().contains(task.kind()))
                            .map(m -> PluginRef.ofName(m.name())).toList();
            List<Chosen<MetricProvider>> taskMetrics = new ArrayList<>();
            List<PluginRef> resolvedMetricRefs = new ArrayList<>();
            for (int i = 0; i < metricRefs.size(); i++) {
                String metricPath = path + ".metrics[" + i + "]";
                MetricProvider metric = find(registry.metrics(), metricRefs.get(i), metricPath, source);
                if (!metric.supportedKinds().contains(task.kind())) {
                    throw new ConfigException(source, metricPath, "'" + metric.name() + "' cannot measure a " + task.kind().yamlName()
                            + " task; metrics that can: " + namesFor(registry.metrics(), task));
                }
                Object options = PluginOptions.bind(metric, metricRefs.get(i).options(), metricPath + ".options", source);
                taskMetrics.add(new Chosen<>(metric, options));
                resolvedMetricRefs.add(new PluginRef(metric.name(), PluginOptions.toMap(options)));
            }
            metrics.add(taskMetrics);
            resolvedTasks.put(entry.getKey(), new TaskConfig(new PluginRef(head.name(), PluginOptions.toMap(headOptions)), resolvedMetricRefs));
        }

        if (config.backbone() == null || config.backbone().name() == null) {
            throw new ConfigException(source, "backbone", "missing; available: " + String.join(", ", registry.backbones().names()));
        }
        BackboneProvider backbone = find(registry.backbones(), config.backbone(), "backbone", source);
        Object backboneOptions = PluginOptions.bind(backbone, config.backbone().options(), "backbone.options", source);
        int[] range = backbone.taskCountRange();
        if (tasks.size() < range[0] || tasks.size() > range[1]) {
            throw new ConfigException(source, "tasks", "backbone '" + backbone.name() + "' takes "
                    + (range[0] == range[1] ? String.valueOf(range[0]) : range[0] + " to " + range[1]) + " task(s), got " + tasks.size());
        }
        checkImageSize(backbone, imageShape, datasetRefs.get(0), datasetPath(0, several), source);
        try {
            // Building a backbone allocates no arrays: it checks the options against the tasks.
            backbone.create(backboneOptions, new BackboneContext(tasks, imageShape));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, "backbone.options", e.getMessage(), e);
        }

        for (String task : config.report().baselines().keySet()) {
            if (!resolvedTasks.containsKey(task)) {
                throw new ConfigException(source, "report.baselines." + task, "is not a task of this run; tasks: "
                        + String.join(", ", resolvedTasks.keySet()));
            }
        }

        WeightingProvider weighting = find(registry.weightings(), config.weighting(), "weighting", source);
        Object weightingOptions = PluginOptions.bind(weighting, config.weighting().options(), "weighting.options", source);

        TrainingConfig training = config.training();
        if (several) {
            ManyToMany.check(config, datasets.size(), tasks, taskSources, weighting, weightingOptions, registry, source);
            double initial = training.optimizer().learningRate();
            training = training.withManyToMany(training.taskOrder() == null ? TrainingConfig.TASK_ORDERS.get(0) : training.taskOrder(),
                    training.restartList().stream().map(r -> new RestartConfig(r.epoch(), r.learningRate() == null ? initial : r.learningRate(),
                            r.skipTasks())).toList(), Boolean.TRUE.equals(training.trainOnVal()));
        } else {
            ManyToMany.refuseSettings(training, source);
        }

        RunConfig resolved = new RunConfig(config.name(), config.seed(), config.device(), resolvedDatasets, resolvedTasks,
                new PluginRef(backbone.name(), PluginOptions.toMap(backboneOptions)),
                new PluginRef(weighting.name(), PluginOptions.toMap(weightingOptions)), training, config.output(), config.report());
        return new ResolvedRun(resolved, datasets, tasks, taskSources, imageShape.getShape(), new Chosen<>(backbone, backboneOptions),
                List.copyOf(heads), List.copyOf(metrics), new Chosen<>(weighting, weightingOptions));
    }

    /** {@code dataset}, or {@code dataset[i]} when the run lists several. */
    public static String datasetPath(int index, boolean several) {
        return several ? "dataset[" + index + "]" : "dataset";
    }

    /** Opens the dataset to read its tasks and image shape, and checks its files (see {@link MultiTaskDataset#checkFiles}). */
    private static DatasetDescription open(DatasetProvider provider, Object options, String path, String source) {
        try (MultiTaskDataset dataset = provider.open(options)) {
            // Before anything is written: a bad file found hours into training costs the run.
            dataset.checkFiles();
            return new DatasetDescription(dataset.tasks(), dataset.imageShape());
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException c) {
                throw c;
            }
            throw new ConfigException(source, path, "cannot open '" + provider.name() + "': " + e.getMessage(), e);
        }
    }

    private static <P extends PluginProvider> P find(PluginCatalog<P> catalog, PluginRef ref, String path, String source) {
        if (ref.name() == null) {
            throw new ConfigException(source, path + ".name", "missing; available: " + String.join(", ", catalog.names()));
        }
        try {
            return catalog.get(ref.name());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, path.endsWith("]") || path.endsWith(".head") ? path : path + ".name", e.getMessage(), e);
        }
    }

    private PluginRef defaultHead(TaskSpec task, String path, String source) {
        List<String> candidates = registry.heads().all().values().stream()
                .filter(h -> h.supportedKinds().contains(task.kind())).map(PluginProvider::name).toList();
        if (candidates.size() != 1) {
            throw new ConfigException(source, path + ".head", "missing, and " + (candidates.isEmpty() ? "no head" : candidates.size() + " heads ("
                    + String.join(", ", candidates) + ")") + " can predict a " + task.kind().yamlName() + " task: name one");
        }
        return PluginRef.ofName(candidates.get(0));
    }

    private static String namesFor(PluginCatalog<? extends PluginProvider> catalog, TaskSpec task) {
        List<String> names = catalog.all().values().stream().filter(p -> {
            if (p instanceof TaskHeadProvider h) {
                return h.supportedKinds().contains(task.kind());
            }
            return p instanceof MetricProvider m && m.supportedKinds().contains(task.kind());
        }).map(PluginProvider::name).toList();
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    private static int indexOf(List<TaskSpec> tasks, String name) {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static void checkImageSize(BackboneProvider backbone, Shape image, PluginRef dataset, String datasetPath, String source) {
        int multiple = backbone.inputSizeMultiple();
        String[] keys = {"height", "width"};
        for (int axis = 0; axis < 2; axis++) {
            long size = image.get(axis + 1);
            if (size % multiple != 0) {
                String key = dataset.options().containsKey(keys[axis]) ? datasetPath + ".options." + keys[axis] : datasetPath;
                long lower = Math.max(multiple, size / multiple * multiple);
                throw new ConfigException(source, key, "image " + keys[axis] + " " + size + " is not a multiple of " + multiple
                        + ", which backbone '" + backbone.name() + "' needs; allowed: multiples of " + multiple
                        + " (e.g. " + lower + " or " + (lower + multiple) + ")");
            }
        }
    }

    private static void checkTraining(TrainingConfig training, String source) {
        positive(training.epochs(), "training.epochs", source);
        positive(training.batchSize(), "training.batch-size", source);
        positive(training.evalBatchSize(), "training.eval-batch-size", source);
        positive(training.loaderThreads(), "training.loader-threads", source);
        positive(training.prefetch(), "training.prefetch", source);
        positive(training.checkpointEvery(), "training.checkpoint-every", source);
        positive(training.keepCheckpoints(), "training.keep-checkpoints", source);
        if (training.checkpointEverySteps() < 0) {
            throw new ConfigException(source, "training.checkpoint-every-steps", "must be 0 (epoch ends only) or a positive whole "
                    + "number, got " + training.checkpointEverySteps());
        }
        if (training.threads() < 0) {
            throw new ConfigException(source, "training.threads", "must be 0 (all cores) or a positive whole number, got "
                    + training.threads());
        }
        checkOptimizer(training.optimizer(), source);
        SchedulerConfig scheduler = training.scheduler();
        positive(scheduler.stepSize(), "training.scheduler.step-size", source);
        if (!(scheduler.gamma() > 0 && scheduler.gamma() <= 1)) {
            throw new ConfigException(source, "training.scheduler.gamma", "must be in (0, 1], got " + scheduler.gamma());
        }
    }

    private static void checkOptimizer(OptimizerConfig optimizer, String source) {
        if (!OptimizerConfig.NAMES.contains(optimizer.name())) {
            throw new ConfigException(source, "training.optimizer.name", "'" + optimizer.name() + "' is not an optimiser; allowed: "
                    + String.join(", ", OptimizerConfig.NAMES));
        }
        boolean adam = optimizer.name().equals("adam");
        onlyFor(optimizer.betas(), "betas", "adam", !adam, source);
        onlyFor(optimizer.epsilon(), "epsilon", "adam", !adam, source);
        onlyFor(optimizer.momentum(), "momentum", "sgd", adam, source);
        onlyFor(optimizer.nesterov(), "nesterov", "sgd", adam, source);
        if (!(optimizer.learningRate() > 0) || optimizer.learningRate().isInfinite()) {
            throw new ConfigException(source, "training.optimizer.learning-rate", "must be a positive number, got " + optimizer.learningRate());
        }
        if (adam && (optimizer.betas().size() != 2 || optimizer.betas().stream().anyMatch(b -> b == null || !(b >= 0 && b < 1)))) {
            throw new ConfigException(source, "training.optimizer.betas", "must be two numbers in [0, 1), got " + optimizer.betas());
        }
        if (adam && !(optimizer.epsilon() > 0)) {
            throw new ConfigException(source, "training.optimizer.epsilon", "must be positive, got " + optimizer.epsilon());
        }
        if (!(optimizer.weightDecay() >= 0) || optimizer.weightDecay().isInfinite()) {
            throw new ConfigException(source, "training.optimizer.weight-decay", "must be >= 0, got " + optimizer.weightDecay());
        }
        if (!adam && !(optimizer.momentum() >= 0 && optimizer.momentum() < 1)) {
            throw new ConfigException(source, "training.optimizer.momentum", "must be in [0, 1), got " + optimizer.momentum());
        }
        if (!adam && optimizer.nesterov() && optimizer.momentum() == 0) {
            throw new ConfigException(source, "training.optimizer.nesterov", "needs a positive momentum (as torch.optim.SGD), got momentum 0");
        }
    }

    /** Refuses a key of one optimiser given to the other. */
    private static void onlyFor(Object value, String key, String optimizer, boolean refused, String source) {
        if (refused && value != null) {
            throw new ConfigException(source, "training.optimizer." + key, "applies to the " + optimizer + " optimiser only");
        }
    }

    private static void positive(int value, String path, String source) {
        if (value <= 0) {
            throw new ConfigException(source, path, "must be a positive whole number, got " + value);
        }
    }
}
