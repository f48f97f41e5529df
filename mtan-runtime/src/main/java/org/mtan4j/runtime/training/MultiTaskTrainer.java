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
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.TaskHead;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.nd.Scalars;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunComponents;
import org.mtan4j.runtime.config.OptimizerConfig;
import org.mtan4j.runtime.config.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a resolved run: per epoch, the training steps (each on its own batch manager, which is
 * closed after the step so no activation outlives it), the weighting's epoch hook, the evaluation on
 * the validation split, and the StepLR step. Side effects live in the {@link TrainingListener}s.
 */
public final class MultiTaskTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(MultiTaskTrainer.class);
    // Keep the engine's and the weighting's per-step seeds apart from the samples' augmentation seeds.
    private static final long ENGINE_SALT = 0x2545F4914F6CDD1DL;
    private static final long WEIGHTING_SALT = 0x5DEECE66DL;

    private final ResolvedRun run;
    private final RunComponents components;
    private final Device[] devices;
    private final Set<TrainingListener> listeners;

    /** Wired by Guice. */
    @Inject
    public MultiTaskTrainer(ResolvedRun run, RunComponents components, Device[] devices, Set<TrainingListener> listeners) {
        this.run = run;
        this.components = components;
        this.devices = devices.clone();
        this.listeners = listeners;
    }

    /** Runs every epoch and returns the results, without resumable checkpoints. */
    public RunEnd train() {
        return train(null, null, null);
    }

    /**
     * Runs the remaining epochs and returns the results of all.
     *
     * @param checkpoints where resumable checkpoints go (each epoch end every {@code checkpoint-every} epochs,
     *     every {@code checkpoint-every-steps} steps when set, and on a stop request); null: none
     * @param resume the checkpoint to continue from; null: from the start
     * @param stop checked after every step: when requested, a checkpoint is written and {@link TrainingStopped}
     *     thrown; null: never. It is answered whenever training ends, however it ends
     */
    public RunEnd train(Checkpoints checkpoints, Checkpoints.Checkpoint resume, StopRequest stop) {
        try {
            RunEnd end = run(checkpoints, resume, stop);
            if (stop != null) {
                stop.answer("training had finished");
            }
            return end;
        } catch (TrainingStopped e) {
            if (stop != null) {
                stop.answer(e.getMessage());
            }
            throw e;
        } catch (RuntimeException | Error e) {
            if (stop != null) {
                stop.answer("training failed: " + e.getMessage());
            }
            throw e;
        }
    }

    private RunEnd run(Checkpoints checkpoints, Checkpoints.Checkpoint resume, StopRequest stop) {
        TrainingConfig training = run.config().training();
        long seed = run.config().seed();
        List<TaskSpec> tasks = run.tasks();
        int k = tasks.size();
        long[] image = run.imageShape();
        Engine.getInstance().setRandomSeed((int) seed);
        MultiTaskNetwork network = components.network();
        List<TaskHead> heads = components.heads();
        Weighting weighting = components.weighting();
        List<Parameter> sharedParameters = components.backbone().sharedParameters();
        MultiTaskDataset dataset = components.dataset();
        OptimizerConfig opt = training.optimizer();
        PyTorchOptimizer optimizer = PyTorchOptimizer.create(opt);
        StepLr schedule = new StepLr(opt.learningRate(), training.scheduler().stepSize(), training.scheduler().gamma());

        try (Model model = Model.newInstance(run.config().name(), devices[0]);
                NDManager data = model.getNDManager().newSubManager(devices[0])) {
            model.setBlock(network);
            // DJL's trainer insists on a loss; ours come from the heads.
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l1Loss()).optOptimizer(optimizer).optDevices(devices);
            Shape input = new Shape(1, image[0], image[1], image[2]);
            TrainingState resumed = resume == null ? null : resume.state();
            if (resume != null) {
                // Before the trainer exists: it copies the parameters to every device when it initialises.
                network.initialize(model.getNDManager(), DataType.FLOAT32, input);
                try {
                    resume.restoreModel(network, model.getNDManager());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            try (Trainer trainer = model.newTrainer(config);
                    BatchLoader loader = new BatchLoader(dataset, run.datasetTaskIndex(), data, training.loaderThreads(), training.prefetch())) {
                trainer.initialize(input);
                if (resume != null) {
                    if (resumed.optimizer().equals(opt.name())) {
                        try {
                            resume.restoreOptimizer(network, optimizer, model.getNDManager());
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    } else {
                        LOG.warn("the checkpoint's optimiser is {}, this run's {}: {} starts without state", resumed.optimizer(),
                                opt.name(), opt.name());
                    }
                    weighting.restoreState(resume.weightingState());
                }
                // Read only by gradient-level weightings (per-task gradients); one device only, see Context.
                SharedGradients shared = devices.length == 1 ? new SharedGradients(sharedParameters) : null;
                if (weighting.usesRepresentationGradients()) {
                    if (devices.length > 1) {
                        throw new UnsupportedOperationException("weighting '" + run.weighting().provider().name()
                                + "' uses representation gradients, which need one device");
                    }
                    network.cutAtRepresentations(true);
                }
                long parameters = network.getParameters().values().stream()
                        .filter(p -> p.requiresGradient()).mapToLong(p -> p.getArray().size()).sum();
                int trainSize = dataset.size(MultiTaskDataset.TRAIN);
                int stepsPerEpoch = (trainSize + training.batchSize() - 1) / training.batchSize();
                List<EpochEnd> epochs = new ArrayList<>(resumed == null ? List.of() : resumed.epochEnds(tasks));
                RunStart start = new RunStart(run, tasks, training.epochs(), stepsPerEpoch, parameters, network,
                        List.copyOf(epochs), resume == null ? null : resume.file());
                listeners.forEach(l -> l.onRunStart(start));
                LOG.info("training {} ({} parameters) for {} epochs of {} steps on {}{}", run.config().name(), parameters,
                        training.epochs(), stepsPerEpoch, java.util.Arrays.toString(devices),
                        resumed == null ? "" : ", resuming " + resumed.position());

                List<List<Metric>> metrics = components.newMetrics();
                Baselines.Result baselines = resumed == null ? Baselines.compute(tasks, loader, training.evalBatchSize(), metrics)
                        : resumed.baselines().toResult();
                CheckpointSaver saver = new CheckpointSaver(checkpoints, run, network, optimizer, weighting, data, baselines);
                int startEpoch = resumed == null ? 0 : resumed.epoch();
                long globalStep = resumed == null ? 0 : resumed.globalStep();
                for (int epoch = startEpoch; epoch < training.epochs(); epoch++) {
                    components.backbone().onEpochStart(epoch, training.epochs());
                    double learningRate = schedule.learningRate(epoch);
                    optimizer.setLearningRate((float) learningRate);
                    boolean continuing = resumed != null && epoch == startEpoch;
                    double[] lossSums = continuing ? resumed.lossSums().clone() : new double[k];
                    double[] weightSums = continuing ? resumed.weightSums().clone() : new double[k];
                    int first = continuing ? resumed.step() : 0;
                    Iterator<Batch> batches = loader.batches(MultiTaskDataset.TRAIN, training.batchSize(), true, seed, epoch, first);
                    for (int step = first; batches.hasNext(); step++, globalStep++) {
                        // Randomness is a pure function of (seed, epoch, step): a resumed run draws what the uninterrupted one drew.
                        Engine.getInstance().setRandomSeed((int) BatchLoader.mix(seed ^ ENGINE_SALT, epoch, step));
                        Random stepRandom = new Random(BatchLoader.mix(seed ^ WEIGHTING_SALT, epoch, step));
                        double[] losses;
                        try (Batch batch = batches.next()) {
                            losses = trainStep(trainer, heads, weighting, shared, batch, tasks, epoch, globalStep, stepRandom);
                        }
                        double[] weights = weighting.taskWeights();
                        for (int t = 0; t < k; t++) {
                            lossSums[t] += losses[t];
                            weightSums[t] += weights[t];
                        }
                        StepEnd end = new StepEnd(epoch, step, stepsPerEpoch, globalStep, losses, weights.clone());
                        listeners.forEach(l -> l.onStep(end));
                        boolean stopping = stop != null && stop.isRequested();
                        int every = training.checkpointEverySteps();
                        boolean due = every > 0 && (globalStep + 1) % every == 0 && step + 1 < stepsPerEpoch;
                        if (stopping || due) {
                            Path file = saver.save(epoch, step + 1, globalStep + 1, lossSums, weightSums, null, epochs);
                            if (stopping) {
                                throw new TrainingStopped(file, epoch, step + 1);
                            }
                        }
                    }
                    double[] meanLosses = new double[k];
                    double[] meanWeights = new double[k];
                    for (int t = 0; t < k; t++) {
                        meanLosses[t] = lossSums[t] / stepsPerEpoch;
                        meanWeights[t] = weightSums[t] / stepsPerEpoch;
                    }
                    weighting.onEpochEnd(epoch, meanLosses.clone());
                    double[] valLosses = new double[k];
                    List<List<MetricValue>> valMetrics = evaluate(network, heads, loader, metrics, data, training.evalBatchSize(), valLosses);
                    EpochEnd result = new EpochEnd(epoch, tasks, meanLosses, meanWeights, learningRate, valLosses, valMetrics, network);
                    epochs.add(result);
                    listeners.forEach(l -> l.onEpochEnd(result));
                    boolean stopping = stop != null && stop.isRequested();
                    boolean last = epoch == training.epochs() - 1;
                    if (stopping || last || (epoch + 1) % training.checkpointEvery() == 0) {
                        Path file = saver.save(epoch + 1, 0, globalStep, new double[k], new double[k], null, epochs);
                        if (stopping && !last) {
                            throw new TrainingStopped(file, epoch + 1, 0);
                        }
                    }
                }
                RunEnd end = new RunEnd(List.copyOf(epochs), baselines);
                listeners.forEach(l -> l.onRunEnd(end));
                return end;
            }
        }
    }

    /** One training step on {@code batch}: its task losses. Package-private for {@link StepBench}, which times it. */
    double[] trainStep(Trainer trainer, List<TaskHead> heads, Weighting weighting, SharedGradients shared, Batch batch,
            List<TaskSpec> tasks, int epoch, long globalStep, Random random) {
        int k = tasks.size();
        NDList[] slices = split(batch);
        double[] values = new double[k];
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList taskLosses = new NDList(k);
            for (int t = 0; t < k; t++) {
                taskLosses.add(null);
            }
            for (NDList slice : slices) {
                // Each device's share of the batch weighs by its size, so the sum is the full-batch mean.
                float share = (float) slice.get(0).getShape().get(0) / batch.size();
                NDList predictions = trainer.forward(new NDList(slice.get(0)));
                for (int t = 0; t < k; t++) {
                    NDArray loss = heads.get(t).loss(predictions.get(t), slice.get(t + 1));
                    if (slices.length > 1) {
                        loss = Scalars.mul(loss, share).toDevice(devices[0], false);
                    }
                    taskLosses.set(t, taskLosses.get(t) == null ? loss : taskLosses.get(t).add(loss));
                }
            }
            for (int t = 0; t < k; t++) {
                values[t] = taskLosses.get(t).getFloat();
                if (!Double.isFinite(values[t])) {
                    throw new IllegalStateException("the loss of task '" + tasks.get(t).name() + "' is " + values[t] + " at step "
                            + globalStep + " (epoch " + (epoch + 1) + "); the parameters were not updated");
                }
            }
            weighting.backward(taskLosses, new Context(tasks, epoch, globalStep, random, collector, shared, batch.manager(),
                    weighting.usesRepresentationGradients() ? components.network().lastRepresentations() : null,
                    run.weighting().provider().name()));
        }
        checkGradients(epoch, globalStep, batch.manager());
        // Outside the collector: the update must not be recorded by autograd.
        trainer.step();
        if (weighting.wantsLossesAfterUpdate()) {
            // LibMTL's trainer (FAMO) re-evaluates the same batch under no_grad, the model still in training mode.
            double[] after = new double[k];
            for (NDList slice : slices) {
                float share = (float) slice.get(0).getShape().get(0) / batch.size();
                NDList predictions = trainer.forward(new NDList(slice.get(0)));
                for (int t = 0; t < k; t++) {
                    after[t] += heads.get(t).loss(predictions.get(t), slice.get(t + 1)).getFloat() * share;
                }
            }
            weighting.afterUpdate(after);
        }
        return values;
    }

    /**
     * Stops the step before the update when a parameter's gradient holds NaN or Inf, naming the first
     * such parameter. One pass over each gradient, no full-size temporary, and a single read: a sum is
     * non-finite when an element is (NaN and Inf propagate; only a float overflow past 3e38 would be a
     * false alarm, and such a gradient is itself the fault).
     */
    private void checkGradients(int epoch, long globalStep, NDManager stepManager) {
        try (NDManager scratch = stepManager.newSubManager()) {
            NDList sums = new NDList();
            List<String> names = new ArrayList<>();
            for (Pair<String, Parameter> p : components.network().getParameters()) {
                if (p.getValue().requiresGradient() && p.getValue().getArray().hasGradient()) {
                    // The gradient handle and its temporaries belong to the parameter's long-lived manager: close them.
                    try (NDArray gradient = p.getValue().getArray().getGradient()) {
                        NDArray sum = gradient.sum();
                        sum.attach(scratch);
                        sums.add(sum.reshape(1));
                    }
                    names.add(p.getKey());
                }
            }
            if (sums.isEmpty()) {
                return;
            }
            NDArray all = sums.size() == 1 ? sums.get(0) : ai.djl.ndarray.NDArrays.concat(sums);
            if (Float.isFinite(all.sum().getFloat())) {
                return;
            }
            float[] values = all.toFloatArray();
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new IllegalStateException("the gradient of parameter '" + names.get(i) + "' holds NaN or Inf at step "
                            + globalStep + " (epoch " + (epoch + 1) + "); the parameters were not updated");
                }
            }
        }
    }

    /** The batch cut into one slice per device: each slice is image then targets. */
    private NDList[] split(Batch batch) {
        NDList whole = new NDList(batch.images());
        whole.addAll(batch.targets());
        if (devices.length == 1) {
            return new NDList[] {whole};
        }
        int parts = Math.min(devices.length, batch.size());
        NDList[] slices = new NDList[parts];
        for (int p = 0; p < parts; p++) {
            slices[p] = new NDList();
        }
        for (NDArray array : whole) {
            NDList pieces = array.split(parts);
            for (int p = 0; p < parts; p++) {
                slices[p].add(pieces.get(p).toDevice(devices[p], false));
            }
        }
        return slices;
    }

    /** Runs the validation split in inference mode: mean loss per task and every metric. */
    static List<List<MetricValue>> evaluate(MultiTaskNetwork network, List<TaskHead> heads, BatchLoader loader,
            List<List<Metric>> metrics, NDManager data, int batchSize, double[] valLosses) {
        metrics.forEach(list -> list.forEach(Metric::reset));
        int k = heads.size();
        double[] sums = new double[k];
        long samples = 0;
        ParameterStore store = new ParameterStore(data, false);
        Iterator<Batch> batches = loader.batches(MultiTaskDataset.VAL, batchSize, false, 0L, 0);
        while (batches.hasNext()) {
            try (Batch batch = batches.next()) {
                NDList predictions = network.forward(store, new NDList(batch.images()), false);
                for (int t = 0; t < k; t++) {
                    NDArray target = batch.targets().get(t);
                    // Weighted by batch size so the mean is over samples, whatever the last batch's size.
                    sums[t] += heads.get(t).loss(predictions.get(t), target).getFloat() * batch.size();
                    for (Metric metric : metrics.get(t)) {
                        metric.update(predictions.get(t), target);
                    }
                }
                samples += batch.size();
            }
        }
        for (int t = 0; t < k; t++) {
            valLosses[t] = sums[t] / Math.max(samples, 1);
        }
        List<List<MetricValue>> values = new ArrayList<>();
        for (List<Metric> taskMetrics : metrics) {
            List<MetricValue> taskValues = new ArrayList<>();
            taskMetrics.forEach(m -> taskValues.addAll(m.compute()));
            values.add(taskValues);
        }
        return values;
    }

    /**
     * The weighting's view of one step. Per-task gradients are offered on one device only: with data
     * parallelism every device holds its own copy of the shared parameters, which LibMTL's methods do
     * not define a combination for.
     */
    private record Context(List<TaskSpec> tasks, int epoch, long step, Random random, GradientCollector collector,
            SharedGradients shared, NDManager stepManager, Pair<NDList, NDList> cut, String weighting)
            implements WeightingContext {
        @Override
        public void backward(NDArray loss) {
            float value = loss.getFloat();
            if (!Float.isFinite(value)) {
                // The task losses were finite (checked before): the weighting's combination is at fault.
                throw new IllegalStateException("weighting '" + weighting + "' combined the task losses into " + value + " at step "
                        + step + " (epoch " + (epoch + 1) + "); the parameters were not updated");
            }
            collector.backward(loss);
        }

        @Override
        public boolean offersTaskGradients() {
            return shared != null;
        }

        @Override
        public List<NDArray> taskGradients(NDList taskLosses) {
            if (taskLosses.size() != tasks.size()) {
                throw new IllegalArgumentException("expected " + tasks.size() + " task losses, got " + taskLosses.size());
            }
            return checkFinite(sharedOrFail().taskGradients(taskLosses, stepManager));
        }

        @Override
        public void setSharedGradient(NDArray combined) {
            if (!finite(combined)) {
                throw new IllegalStateException("weighting '" + weighting + "' produced a non-finite shared gradient at step "
                        + step + " (epoch " + (epoch + 1) + "); the parameters were not updated");
            }
            sharedOrFail().setSharedGradient(combined, stepManager);
        }

        /** Stops the run at the first task whose gradient holds NaN or Inf, naming it. */
        private List<NDArray> checkFinite(List<NDArray> gradients) {
            for (int t = 0; t < gradients.size(); t++) {
                if (!finite(gradients.get(t))) {
                    throw new IllegalStateException("weighting '" + weighting + "': the gradient of task '" + tasks.get(t).name()
                            + "' is not finite at step " + step + " (epoch " + (epoch + 1) + "); the parameters were not updated");
                }
            }
            return gradients;
        }

        private static boolean finite(NDArray array) {
            return array.isNaN().logicalOr(array.isInfinite()).none().getBoolean();
        }

        @Override
        public boolean offersRepresentationGradients() {
            return cut != null;
        }

        @Override
        public NDList representations() {
            NDList out = new NDList();
            for (NDArray leaf : cutOrFail().getValue()) {
                out.add(leaf.stopGradient());
            }
            return out;
        }

        @Override
        public List<NDArray> representationGradients(NDList taskLosses) {
            return checkFinite(SharedGradients.representationGradients(taskLosses, cutOrFail().getValue(), stepManager));
        }

        @Override
        public void backwardRepresentations(List<NDArray> gradients) {
            if (gradients.size() != tasks.size()) {
                throw new IllegalArgumentException("expected " + tasks.size() + " representation gradients, got " + gradients.size());
            }
            SharedGradients.backwardRepresentations(cutOrFail().getKey(), gradients);
        }

        private Pair<NDList, NDList> cutOrFail() {
            if (cut == null) {
                throw new UnsupportedOperationException("representation gradients are offered only to weightings that "
                        + "declare usesRepresentationGradients()");
            }
            return cut;
        }

        private SharedGradients sharedOrFail() {
            if (shared == null) {
                throw new UnsupportedOperationException("gradient-level weightings train on one device only");
            }
            return shared;
        }
    }
}
