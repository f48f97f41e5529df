package org.mtan4j.runtime;

import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.runtime.ResolvedRun.TaskSource;
import org.mtan4j.runtime.config.ConfigException;
import org.mtan4j.runtime.config.RestartConfig;
import org.mtan4j.runtime.config.RunConfig;
import org.mtan4j.runtime.config.TrainingConfig;

/**
 * What a run with several datasets (many-to-many training) must satisfy, checked at resolve time: one
 * task per dataset, one device, a weighting that works on one task's loss per batch, and valid
 * {@code training.task-order} and {@code training.restarts}; and that runs with one dataset leave those
 * keys and {@code training.train-on-val} out.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class ManyToMany {

    private ManyToMany() {
    }

    static void check(RunConfig config, int datasetCount, List<TaskSpec> tasks, List<TaskSource> sources,
            WeightingProvider weighting, Object weightingOptions, PluginRegistry registry, String source) {
        for (int d = 0; d < datasetCount; d++) {
            List<String> names = new ArrayList<>();
            for (int t = 0; t < tasks.size(); t++) {
                if (sources.get(t).dataset() == d) {
                    names.add(tasks.get(t).name());
                }
            }
            if (names.isEmpty()) {
                throw new ConfigException(source, RunResolver.datasetPath(d, true), "provides none of the run's tasks ("
                        + String.join(", ", tasks.stream().map(TaskSpec::name).toList()) + "); list one of its tasks under 'tasks' or remove it");
            }
            if (names.size() > 1) {
                throw new ConfigException(source, "tasks", RunResolver.datasetPath(d, true) + " provides " + names.size() + " of the run's tasks ("
                        + String.join(", ", names) + "); with several datasets each dataset provides exactly one task, since a batch "
                        + "trains the one task of the dataset it comes from");
            }
        }
        if (config.device().size() != 1) {
            throw new ConfigException(source, "device", "many-to-many training (several datasets) runs on one device, got "
                    + config.device().size() + ": " + config.device());
        }
        if (!worksPerTask(weighting.create(weightingOptions, tasks))) {
            List<String> usable = new ArrayList<>();
            for (Object provider : registry.weightings().all().values()) {
                WeightingProvider p = (WeightingProvider) provider;
                try {
                    if (worksPerTask(p.create(p.defaultOptions(), tasks))) {
                        usable.add(p.name());
                    }
                } catch (RuntimeException e) {
                    // A weighting that cannot be built for these tasks is not offered.
                }
            }
            throw new ConfigException(source, "weighting", "'" + weighting.name() + "' needs every task's loss or gradient on the same batch "
                    + "(or learns from them), which many-to-many training does not have: each batch carries one task. Weightings that "
                    + "work here (each task's loss scaled by its current weight): " + (usable.isEmpty() ? "(none)" : String.join(", ", usable)));
        }
        TrainingConfig training = config.training();
        if (training.taskOrder() != null && !TrainingConfig.TASK_ORDERS.contains(training.taskOrder())) {
            throw new ConfigException(source, "training.task-order", "'" + training.taskOrder() + "' is not a task order; allowed: "
                    + String.join(", ", TrainingConfig.TASK_ORDERS));
        }
        checkRestarts(training, tasks, source);
    }

    /**
     * Whether the weighting works on one task's loss per step: a loss-level method (it does not override
     * {@link Weighting#backward}) that learns no parameters and needs no second look at the batch. Such a
     * method's {@code combine} is given the step's task loss and zeros for the other tasks, so a linear
     * method (equal, DWA, RLW) scales the loss by the task's current weight.
     */
    static boolean worksPerTask(Weighting weighting) {
        try {
            Class<?> declaring = weighting.getClass().getMethod("backward", NDList.class, WeightingContext.class).getDeclaringClass();
            return declaring == Weighting.class && !weighting.usesRepresentationGradients() && !weighting.wantsLossesAfterUpdate()
                    && weighting.parameters().isEmpty();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Weighting.backward(NDList, WeightingContext) is missing", e);
        }
    }

    private static void checkRestarts(TrainingConfig training, List<TaskSpec> tasks, String source) {
        List<RestartConfig> restarts = training.restartList();
        Set<String> names = new HashSet<>(tasks.stream().map(TaskSpec::name).toList());
        Set<String> skipped = new HashSet<>();
        int previous = 0;
        for (int i = 0; i < restarts.size(); i++) {
            String path = "training.restarts[" + i + "]";
            RestartConfig restart = restarts.get(i);
            if (restart == null || restart.epoch() == null) {
                throw new ConfigException(source, path + ".epoch", "missing; the first epoch of the new phase, from 1 to "
                        + (training.epochs() - 1));
            }
            if (restart.epoch() <= previous || restart.epoch() >= training.epochs()) {
                throw new ConfigException(source, path + ".epoch", "must be after " + (i == 0 ? "epoch 0" : "the previous restart ("
                        + previous + ")") + " and before training.epochs (" + training.epochs() + "), got " + restart.epoch());
            }
            previous = restart.epoch();
            if (restart.learningRate() != null && (!(restart.learningRate() > 0) || restart.learningRate().isInfinite())) {
                throw new ConfigException(source, path + ".learning-rate", "must be a positive number, got " + restart.learningRate());
            }
            for (int s = 0; s < restart.skipTasks().size(); s++) {
                String task = restart.skipTasks().get(s);
                if (!names.contains(task)) {
                    throw new ConfigException(source, path + ".skip-tasks[" + s + "]", "'" + task + "' is not a task of this run; tasks: "
                            + String.join(", ", tasks.stream().map(TaskSpec::name).toList()));
                }
                skipped.add(task);
            }
            if (skipped.size() == names.size()) {
                throw new ConfigException(source, path + ".skip-tasks", "would skip every task; at least one must still train");
            }
        }
    }

    /** A run with one dataset trains one-to-many: the many-to-many keys do not apply. */
    static void refuseSettings(TrainingConfig training, String source) {
        if (training.taskOrder() != null) {
            throw new ConfigException(source, "training.task-order", "applies only to runs with several datasets (many-to-many training)");
        }
        if (!training.restartList().isEmpty()) {
            throw new ConfigException(source, "training.restarts", "applies only to runs with several datasets (many-to-many training)");
        }
        if (training.trainOnVal() != null) {
            throw new ConfigException(source, "training.train-on-val", "applies only to runs with several datasets (many-to-many training)");
        }
    }
}
