package org.mtan4j.runtime.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterServer;
import ai.djl.training.ParameterStore;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.TaskHead;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunComponents;
import org.mtan4j.runtime.config.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a run whose tasks come from several datasets, one task per dataset (many-to-many; the Visual
 * Decathlon). Each epoch visits the tasks' training splits {@code in-turn} (task 0's whole split, then
 * task 1's ..., as the paper's decathlon code) or {@code interleaved} (round-robin, one batch each); see
 * {@link TaskSchedule}; with {@code training.train-on-val}, a task's training batches are followed by
 * batches of its validation split (the paper's {@code --mode all}). A step takes one batch of one task, on
 * its own batch manager: the backbone's {@link org.mtan4j.api.Backbone#forwardTask} and that task's head,
 * the task's loss (scaled by the weighting, see {@link org.mtan4j.api.Weighting}), backward, and the
 * optimiser's update. Each task is evaluated on its own dataset's validation split with its metrics:
 * {@code in-turn}, right after its turn (as the paper's code, so that the shared BatchNorm statistics are
 * that domain's; the paper's evaluation script likewise re-estimates them per domain before testing);
 * {@code interleaved}, at the epoch's end. A task skipped after a restart keeps its last evaluation (the
 * paper reports imagenet12 with the weights saved at its restart, which {@link TrainingListener#onRestart}
 * lets the run directory keep). The listeners get the same events as from {@link MultiTaskTrainer}, and
 * {@link TrainingListener#onRestart}; a {@link StepEnd} carries the trained task's loss and 0 for the
 * others, an {@link EpochEnd} each task's mean over its own steps (NaN for a task skipped after a restart).
 *
 * <p>Parameters join the optimiser when a training pass first reads them, and from then on every step
 * updates them, with a zero gradient when the step's task did not reach them (weight decay and momentum
 * still act), as PyTorch's optimisers do after {@code zero_grad()} in the PyTorch 1.x the paper's code ran on.
 */
public final class ManyToManyTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ManyToManyTrainer.class);
    // As MultiTaskTrainer's: the engine's and the weighting's per-step seeds apart from the samples' seeds.
    private static final long ENGINE_SALT = 0x2545F4914F6CDD1DL;
    private static final long WEIGHTING_SALT = 0x5DEECE66DL;

    private final ResolvedRun run;
    private final RunComponents components;
    private final Device device;
    private final Set<TrainingListener> listeners;

    /** Wired by Guice. */
    @Inject
    public ManyToManyTrainer(ResolvedRun run, RunComponents components, Device[] devices, Set<TrainingListener> listeners) {
        this.run = run;
        this.components = components;
        // The resolver allows one device for many-to-many runs.
        this.device = devices[0];
        this.listeners = listeners;
    }

    /**
     * Runs the remaining epochs, as {@link MultiTaskTrainer#train(Checkpoints, Checkpoints.Checkpoint, StopRequest)}:
     * resumable checkpoints at epoch ends, every {@code checkpoint-every-steps} steps and on a stop request,
     * from which a resumed run continues exactly as the uninterrupted one.
     *
     * @param checkpoints where resumable checkpoints go; null: none
     * @param resume the checkpoint to continue from; null: from the start
     * @param stop checked after every step: when requested, a checkpoint is written and {@link TrainingStopped}
     *     thrown; null: never. It is answered whenever training ends
     */
    public RunEnd train(Checkpoints checkpoints, Checkpoints.Checkpoint resume, StopRequest stop) {
        String answer = "training had finished";
        try {
            return run(checkpoints, resume, stop);
        } catch (TrainingStopped e) {
            answer = e.getMessage();
            throw e;
        } catch (RuntimeException | Error e) {
            answer = "training failed: " + e.getMessage();
            throw e;
        } finally {
            if (stop != null) {
                stop.answer(answer);
            }
        }
    }

    /** Runs every epoch and returns the results, without resumable checkpoints. */
    public RunEnd train() {
        return train(null, null, null);
    }

    private RunEnd run(Checkpoints checkpoints, Checkpoints.Checkpoint resume, StopRequest stop) {
        TrainingConfig training = run.config().training();
        String order = training.taskOrder();
        TaskSchedule schedule = new TaskSchedule(training, run.tasks());
        List<MultiTaskDataset> datasets = components.datasets();
        long seed = run.config().seed();
        Engine.getInstance().setRandomSeed((int) seed);
        List<TaskSpec> tasks = run.tasks();
        int k = tasks.size();
        MultiTaskNetwork network = components.network();
        List<TaskHead> heads = components.heads();
        Weighting weighting = components.weighting();
        TrainingState resumed = resume == null ? null : resume.state();

        try (Model model = Model.newInstance(run.config().name(), device);
                NDManager data = model.getNDManager().newSubManager(device)) {
            model.setBlock(network);
            network.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1).addAll(new Shape(run.imageShape())));
            PyTorchOptimizer optimizer = PyTorchOptimizer.create(training.optimizer());
            if (resume != null) {
                try {
                    resume.restoreModel(network, model.getNDManager());
                    // Loaded arrays come without gradients; no trainer attaches them here (MultiTaskTrainer's does).
                    network.getParameters().values().stream().filter(Parameter::requiresGradient)
                            .forEach(p -> p.getArray().setRequiresGradient(true));
                    if (resumed.optimizer().equals(training.optimizer().name())) {
                        resume.restoreOptimizer(network, optimizer, model.getNDManager());
                    } else {
                        LOG.warn("the checkpoint's optimiser is {}, this run's {}: {} starts without state", resumed.optimizer(),
                                training.optimizer().name(), training.optimizer().name());
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                weighting.restoreState(resume.weightingState());
            }
            ParameterStore store = new ParameterStore(model.getNDManager(), false);
            Set<String> joined = new java.util.HashSet<>();
            store.setParameterServer(new Joining(new LocalParameterServer(optimizer), joined), new Device[] {device});
            Map<String, String> names = new HashMap<>();
            network.getParameters().forEach(p -> names.put(p.getValue().getId(), p.getKey()));
            if (resumed != null && resumed.turns() != null) {
                // The parameters that joined before the stop join again: each step updates them, read or not.
                resumed.turns().joined().forEach(name -> store.getValue(network.getParameters().get(name), device, true));
            }
            List<BatchLoader> loaders = new ArrayList<>();
            try {
                int[] batches = new int[k];
                List<String> trainSplits = Boolean.TRUE.equals(training.trainOnVal())
                        ? List.of(MultiTaskDataset.TRAIN, MultiTaskDataset.VAL) : List.of(MultiTaskDataset.TRAIN);
                for (int t = 0; t < k; t++) {
                    ResolvedRun.TaskSource source = run.taskSources().get(t);
                    MultiTaskDataset dataset = datasets.get(source.dataset());
                    loaders.add(new BatchLoader(dataset, new int[] {source.target()}, data, training.loaderThreads(), training.prefetch()));
                    for (String split : trainSplits) {
                        batches[t] += (dataset.size(split) + training.batchSize() - 1) / training.batchSize();
                    }
                }
                long parameters = network.getParameters().values().stream()
                        .filter(p -> p.requiresGradient()).mapToLong(p -> p.getArray().size()).sum();
                int firstEpochSteps = TaskSchedule.plan(order, batches, schedule.trains(0)).length;
                List<EpochEnd> epochs = new ArrayList<>(resumed == null ? List.of() : resumed.epochEnds(tasks));
                RunStart start = new RunStart(run, tasks, training.epochs(), firstEpochSteps, parameters, network, List.copyOf(epochs),
                        resume == null ? null : resume.file());
                listeners.forEach(l -> l.onRunStart(start));
                LOG.info("training {} many-to-many ({} parameters, {} tasks {}) for {} epochs on {}{}", run.config().name(), parameters, k,
                        order, training.epochs(), device, resumed == null ? "" : ", resuming " + resumed.position());

                List<List<Metric>> metrics = components.newMetrics();
                Baselines.Result baselines = resumed == null ? baselines(tasks, loaders, training.evalBatchSize(), metrics)
                        : resumed.baselines().toResult();
                CheckpointSaver saver = new CheckpointSaver(checkpoints, run, network, optimizer, weighting, data, baselines);
                int startEpoch = resumed == null ? 0 : resumed.epoch();
                long globalStep = resumed == null ? 0 : resumed.globalStep();
                for (int epoch = startEpoch; epoch < training.epochs(); epoch++) {
                    boolean continuing = resumed != null && epoch == startEpoch && resumed.step() > 0;
                    network.backbone().onEpochStart(epoch, training.epochs());
                    if (schedule.restartsAt(epoch) && !continuing) {
                        Restart restart = new Restart(epoch, network);
                        listeners.forEach(l -> l.onRestart(restart));
                        // The paper's code builds a new optimiser here: its state starts afresh.
                        optimizer.resetState();
                        optimizer = PyTorchOptimizer.create(training.optimizer());
                        saver.optimizer(optimizer);
                        store.setParameterServer(new Joining(new LocalParameterServer(optimizer), joined), new Device[] {device});
                        LOG.info("epoch {}: restart, training {}", epoch + 1, trainedNames(tasks, schedule.trains(epoch)));
                    }
                    double learningRate = schedule.learningRate(epoch);
                    optimizer.setLearningRate((float) learningRate);
                    int[] plan = TaskSchedule.plan(order, batches, schedule.trains(epoch));
                    double[] lossSums = continuing ? resumed.lossSums().clone() : new double[k];
                    double[] weightSums = continuing ? resumed.weightSums().clone() : new double[k];
                    int[] steps = continuing ? resumed.turns().steps().clone() : new int[k];
                    double[] valLosses = continuing ? resumed.turns().valLosses().clone() : new double[k];
                    List<List<MetricValue>> valMetrics = continuing ? new ArrayList<>(resumed.turns().valMetrics())
                            : new ArrayList<>(Collections.nCopies(k, List.of()));
                    List<Iterator<Batch>> iterators = new ArrayList<>();
                    for (int t = 0; t < k; t++) {
                        iterators.add(loaders.get(t).batches(trainSplits, training.batchSize(), taskSeed(seed, t), epoch, steps[t]));
                    }
                    ParameterStore evalStore = new ParameterStore(data, false);
                    boolean inTurn = order.equals("in-turn");
                    for (int step = continuing ? resumed.step() : 0; step < plan.length; step++, globalStep++) {
                        int t = plan[step];
                        // Randomness is a pure function of (seed, epoch, step): a resumed run draws what the uninterrupted one drew.
                        Engine.getInstance().setRandomSeed((int) BatchLoader.mix(seed ^ ENGINE_SALT, epoch, step));
                        Random stepRandom = new Random(BatchLoader.mix(seed ^ WEIGHTING_SALT, epoch, step));
                        double loss;
                        try (Batch batch = iterators.get(t).next()) {
                            loss = trainStep(network, store, heads.get(t), weighting, batch, tasks, t, epoch, globalStep, stepRandom);
                        }
                        double[] weights = weighting.taskWeights();
                        lossSums[t] += loss;
                        weightSums[t] += weights[t];
                        steps[t]++;
                        double[] losses = new double[k];
                        losses[t] = loss;
                        StepEnd end = new StepEnd(epoch, step, plan.length, globalStep, losses, weights.clone());
                        listeners.forEach(l -> l.onStep(end));
                        if (inTurn && (step + 1 == plan.length || plan[step + 1] != t)) {
                            // As the paper's code: a domain is evaluated right after its turn, while the shared
                            // BatchNorm statistics are its own (WRN-MTAN's last one has momentum 0.9).
                            valMetrics.set(t, evaluate(network, evalStore, heads.get(t), t, loaders.get(t), metrics.get(t),
                                    training.evalBatchSize(), valLosses));
                        }
                        boolean stopping = stop != null && stop.isRequested();
                        int every = training.checkpointEverySteps();
                        boolean due = every > 0 && (globalStep + 1) % every == 0 && step + 1 < plan.length;
                        if ((stopping || due) && step + 1 < plan.length) {
                            Path file = saver.save(epoch, step + 1, globalStep + 1, lossSums, weightSums,
                                    new TrainingState.TurnProgress(steps.clone(), valLosses.clone(), List.copyOf(valMetrics),
                                            joinedNames(joined, names)), epochs);
                            if (stopping) {
                                throw new TrainingStopped(file, epoch, step + 1);
                            }
                        }
                    }
                    for (int t = 0; t < k; t++) {
                        if (steps[t] == 0 && !epochs.isEmpty()) {
                            // Skipped after a restart: its last evaluation stands, as the paper reports imagenet12 with the
                            // weights saved before its restart (the shared BatchNorm statistics are no longer its own).
                            EpochEnd previous = epochs.get(epochs.size() - 1);
                            valLosses[t] = previous.valLosses()[t];
                            valMetrics.set(t, previous.valMetrics().get(t));
                        } else if (!inTurn) {
                            valMetrics.set(t, evaluate(network, evalStore, heads.get(t), t, loaders.get(t), metrics.get(t),
                                    training.evalBatchSize(), valLosses));
                        }
                    }
                    double[] meanLosses = new double[k];
                    double[] meanWeights = new double[k];
                    double[] forWeighting = new double[k];
                    for (int t = 0; t < k; t++) {
                        meanLosses[t] = steps[t] == 0 ? Double.NaN : lossSums[t] / steps[t];
                        meanWeights[t] = steps[t] == 0 ? Double.NaN : weightSums[t] / steps[t];
                        // A skipped task keeps its last mean for the weighting's history (DWA's ratio stays 1).
                        forWeighting[t] = steps[t] > 0 || epochs.isEmpty() ? meanLosses[t] : lastFinite(epochs, t);
                    }
                    weighting.onEpochEnd(epoch, forWeighting);
                    EpochEnd result = new EpochEnd(epoch, tasks, meanLosses, meanWeights, learningRate, valLosses, valMetrics, network);
                    epochs.add(result);
                    listeners.forEach(l -> l.onEpochEnd(result));
                    boolean stopping = stop != null && stop.isRequested();
                    boolean last = epoch == training.epochs() - 1;
                    if (stopping || last || (epoch + 1) % training.checkpointEvery() == 0) {
                        Path file = saver.save(epoch + 1, 0, globalStep, new double[k], new double[k], new TrainingState.TurnProgress(
                                new int[k], new double[k], Collections.nCopies(k, List.of()), joinedNames(joined, names)), epochs);
                        if (stopping && !last) {
                            throw new TrainingStopped(file, epoch + 1, 0);
                        }
                    }
                }
                RunEnd end = new RunEnd(List.copyOf(epochs), baselines);
                listeners.forEach(l -> l.onRunEnd(end));
                return end;
            } finally {
                loaders.forEach(BatchLoader::close);
            }
        }
    }

    private static List<String> joinedNames(Set<String> ids, Map<String, String> names) {
        return ids.stream().map(names::get).sorted().toList();
    }

    /** The optimiser's parameter server, noting which parameters have joined the store (for checkpoints). */
    private record Joining(ParameterServer server, Set<String> joined) implements ParameterServer {
        @Override
        public void init(String parameterId, NDArray[] value) {
            joined.add(parameterId);
            server.init(parameterId, value);
        }

        @Override
        public void update(String parameterId, NDArray[] grads, NDArray[] params) {
            server.update(parameterId, grads, params);
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** Each task's data order is its own: tasks with equally sized splits are not shuffled alike. */
    static long taskSeed(long seed, int task) {
        return BatchLoader.mix(seed, -2, task);
    }

    private static double lastFinite(List<EpochEnd> epochs, int task) {
        for (int e = epochs.size() - 1; e >= 0; e--) {
            double loss = epochs.get(e).trainLosses()[task];
            if (!Double.isNaN(loss)) {
                return loss;
            }
        }
        return Double.NaN;
    }

    private static List<String> trainedNames(List<TaskSpec> tasks, boolean[] trains) {
        List<String> names = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            if (trains[t]) {
                names.add(tasks.get(t).name());
            }
        }
        return names;
    }

    /** One step on one task's batch: its loss value. */
    private double trainStep(MultiTaskNetwork network, ParameterStore store, TaskHead head, Weighting weighting, Batch batch,
            List<TaskSpec> tasks, int task, int epoch, long globalStep, Random random) {
        double value;
        try (GradientCollector collector = batch.manager().getEngine().newGradientCollector()) {
            NDArray prediction = network.forwardTask(store, batch.images(), true, task);
            NDArray loss = head.loss(prediction, batch.targets().get(0));
            value = loss.getFloat();
            if (!Double.isFinite(value)) {
                throw new IllegalStateException("the loss of task '" + tasks.get(task).name() + "' is " + value + " at step "
                        + globalStep + " (epoch " + (epoch + 1) + "); the parameters were not updated");
            }
            // The other tasks have no loss in this batch: zeros, so a loss-level weighting scales this task's alone.
            NDList taskLosses = new NDList(tasks.size());
            for (int t = 0; t < tasks.size(); t++) {
                taskLosses.add(t == task ? loss : batch.manager().zeros(new Shape(), loss.getDataType()));
            }
            // Only weightings that keep Weighting.backward's default pass the resolver: combine, then differentiate.
            NDArray combined = weighting.combine(taskLosses, new Context(tasks, epoch, globalStep, random, collector));
            if (!Float.isFinite(combined.getFloat())) {
                throw new IllegalStateException("weighting '" + run.weighting().provider().name() + "' turned the loss of task '"
                        + tasks.get(task).name() + "' into " + combined.getFloat() + " at step " + globalStep + " (epoch " + (epoch + 1)
                        + "); the parameters were not updated");
            }
            collector.backward(combined);
        }
        // Outside the collector: the update must not be recorded by autograd.
        store.updateAllParameters();
        return value;
    }

    /**
     * Task {@code task} on its dataset's validation split, in inference mode: its mean loss into
     * {@code valLosses}, its metrics.
     *
     * @param store a parameter store without a parameter server, so that evaluating adds no parameter to an optimiser
     */
    public static List<MetricValue> evaluate(MultiTaskNetwork network, ParameterStore store, TaskHead head, int task, BatchLoader loader,
            List<Metric> metrics, int batchSize, double[] valLosses) {
        metrics.forEach(Metric::reset);
        double sum = 0;
        long samples = 0;
        Iterator<Batch> batches = loader.batches(MultiTaskDataset.VAL, batchSize, false, 0L, 0);
        while (batches.hasNext()) {
            try (Batch batch = batches.next()) {
                NDArray prediction = network.forwardTask(store, batch.images(), false, task);
                NDArray target = batch.targets().get(0);
                // Weighted by batch size so the mean is over samples, whatever the last batch's size.
                sum += head.loss(prediction, target).getFloat() * batch.size();
                for (Metric metric : metrics) {
                    metric.update(prediction, target);
                }
                samples += batch.size();
            }
        }
        valLosses[task] = sum / Math.max(samples, 1);
        List<MetricValue> values = new ArrayList<>();
        metrics.forEach(m -> values.addAll(m.compute()));
        return values;
    }

    /** {@link Baselines} of each task on its own dataset. */
    private static Baselines.Result baselines(List<TaskSpec> tasks, List<BatchLoader> loaders, int batchSize, List<List<Metric>> metrics) {
        List<String> descriptions = new ArrayList<>();
        List<List<MetricValue>> values = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            Baselines.Result one = Baselines.compute(List.of(tasks.get(t)), loaders.get(t), batchSize, List.of(metrics.get(t)));
            descriptions.addAll(one.descriptions());
            values.addAll(one.valMetrics());
        }
        return new Baselines.Result(descriptions, values);
    }

    /** The weighting's view of a many-to-many step: no per-task gradients (one task per batch). */
    private record Context(List<TaskSpec> tasks, int epoch, long step, Random random, GradientCollector collector)
            implements WeightingContext {
        @Override
        public void backward(NDArray loss) {
            collector.backward(loss);
        }
    }
}
