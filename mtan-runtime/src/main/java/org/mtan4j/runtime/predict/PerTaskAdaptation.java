package org.mtan4j.runtime.predict;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.TaskHead;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunComponents;
import org.mtan4j.runtime.config.TrainingConfig;
import org.mtan4j.runtime.training.Batch;
import org.mtan4j.runtime.training.BatchLoader;
import org.mtan4j.runtime.training.ManyToManyTrainer;
import org.mtan4j.runtime.training.PyTorchOptimizer;
import org.mtan4j.runtime.weights.RunModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Visual Decathlon test protocol of the paper's evaluation script (lorenmt/mtan,
 * {@code visual_decathlon/model_wrn_eval.py}), for any run: before a task's test split is predicted,
 * the model trains one more epoch on that task's training split and then one on its validation split,
 * so that the shared BatchNorm statistics (and the weights) are that task's when it is predicted.
 *
 * <p>As the script: the tasks that start from the same weights ({@link Start}) are adapted one after the
 * other, in task order, on one model with one optimiser (the script loads {@code wrn_final} once and
 * loops over its nine domains), and each task is predicted right after its own adaptation. The optimiser
 * is the run's ({@code training.optimizer}: the script's SGD with momentum 0.9, Nesterov and weight
 * decay 5e-5 is the training's) at the start's constant learning rate; batches are
 * {@code training.batch-size}, shuffled; the loss is the task's head loss, unweighted. Parameters join
 * the optimiser when a training pass first reads them, as in many-to-many training.
 *
 * <p>The run's checkpoints are only read. Each task's validation metrics are measured before and after
 * its adaptation, so that its effect shows.
 */
public final class PerTaskAdaptation {

    private static final Logger LOG = LoggerFactory.getLogger(PerTaskAdaptation.class);
    /** Keeps the adaptation's data order apart from training's. */
    private static final long ORDER_SALT = 0x5DEECE66DL;

    private PerTaskAdaptation() {
    }

    /**
     * Where a task's adaptation starts.
     *
     * @param checkpoint the weights ({@code .params}) it starts from
     * @param learningRate the optimiser's learning rate, constant over the adaptation
     */
    public record Start(Path checkpoint, double learningRate) {
    }

    /**
     * What one task's adaptation did.
     *
     * @param task the task (index into the run's tasks)
     * @param start where it started
     * @param steps optimiser steps (training then validation batches)
     * @param meanLoss the mean of the steps' losses
     * @param before the validation loss ({@code loss}) and metrics before the adaptation (after the
     *     previous task's, when it continues one)
     * @param after the same after the adaptation, the weights its predictions come from
     */
    public record Adapted(int task, Start start, int steps, double meanLoss, Map<String, Double> before, Map<String, Double> after) {
    }

    /** Predicts one task with the model adapted to it. */
    @FunctionalInterface
    public interface Prediction {

        /**
         * Called once per task, right after its adaptation.
         *
         * @param task the task
         * @param model the adapted model; to be read only
         * @throws IOException when the predictions cannot be read or written
         */
        void predict(int task, RunModel model) throws IOException;
    }

    /**
     * Adapts and predicts every task of {@code run}.
     *
     * @param datasets the run's datasets, opened, in the order of {@link ResolvedRun#datasets()}
     * @param starts one per task, in task order
     * @param device where the model runs
     * @param prediction called with each adapted task
     * @return each task's adaptation, in the order the tasks were adapted (by start, then task order)
     * @throws IOException from {@code prediction}, or when a training image cannot be read
     * @throws org.mtan4j.runtime.weights.WeightsException when a start's checkpoint is not this model's
     */
    public static List<Adapted> run(ResolvedRun run, List<MultiTaskDataset> datasets, List<Start> starts, Device device,
            Prediction prediction) throws IOException {
        if (starts.size() != run.tasks().size()) {
            throw new IllegalArgumentException(starts.size() + " starts for " + run.tasks().size() + " tasks");
        }
        Map<Start, List<Integer>> chains = new LinkedHashMap<>();
        for (int t = 0; t < starts.size(); t++) {
            chains.computeIfAbsent(starts.get(t), s -> new ArrayList<>()).add(t);
        }
        List<Adapted> adapted = new ArrayList<>();
        for (Map.Entry<Start, List<Integer>> chain : chains.entrySet()) {
            adapted.addAll(chain(run, datasets, chain.getKey(), chain.getValue(), device, prediction));
        }
        return adapted;
    }

    /** The tasks that share a start, one after the other on one model and one optimiser. */
    private static List<Adapted> chain(ResolvedRun run, List<MultiTaskDataset> datasets, Start start, List<Integer> tasks, Device device,
            Prediction prediction) throws IOException {
        TrainingConfig training = run.config().training();
        long seed = run.config().seed();
        List<Adapted> out = new ArrayList<>();
        try (RunModel model = RunModel.build(run, device)) {
            model.loadCheckpoint(start.checkpoint());
            for (Parameter p : model.network().getParameters().values()) {
                // Loaded arrays are new: they record gradients only once asked to.
                if (p.requiresGradient()) {
                    p.getArray().setRequiresGradient(true);
                }
            }
            PyTorchOptimizer optimizer = PyTorchOptimizer.create(training.optimizer());
            optimizer.setLearningRate((float) start.learningRate());
            ParameterStore store = new ParameterStore(model.manager(), false);
            store.setParameterServer(new LocalParameterServer(optimizer), new Device[] {device});
            ParameterStore evalStore = new ParameterStore(model.manager(), false);
            List<List<Metric>> metrics = RunComponents.newMetrics(run);
            Engine.getInstance().setRandomSeed((int) seed);
            for (int task : tasks) {
                ResolvedRun.TaskSource source = run.taskSources().get(task);
                MultiTaskDataset dataset = datasets.get(source.dataset());
                TaskHead head = model.heads().get(task);
                String name = run.tasks().get(task).name();
                try (BatchLoader loader = new BatchLoader(dataset, new int[] {source.target()}, model.manager(), training.loaderThreads(),
                        training.prefetch())) {
                    Map<String, Double> before = evaluate(model, evalStore, head, task, loader, metrics.get(task), training.evalBatchSize());
                    Iterator<Batch> batches = loader.batches(List.of(MultiTaskDataset.TRAIN, MultiTaskDataset.VAL), training.batchSize(),
                            BatchLoader.mix(seed ^ ORDER_SALT, -4, task), 0, 0);
                    double lossSum = 0;
                    int steps = 0;
                    while (batches.hasNext()) {
                        try (Batch batch = batches.next()) {
                            lossSum += step(model, store, head, batch, task, name);
                        }
                        steps++;
                    }
                    Map<String, Double> after = evaluate(model, evalStore, head, task, loader, metrics.get(task), training.evalBatchSize());
                    LOG.info("{}: adapted in {} steps from {} at learning rate {}; validation {} -> {}", name, steps, start.checkpoint(),
                            start.learningRate(), before, after);
                    prediction.predict(task, model);
                    out.add(new Adapted(task, start, steps, lossSum / Math.max(steps, 1), before, after));
                }
            }
        }
        return out;
    }

    /** One optimiser step on one batch of {@code task}: its loss value. */
    private static double step(RunModel model, ParameterStore store, TaskHead head, Batch batch, int task, String name) {
        double value;
        try (GradientCollector collector = batch.manager().getEngine().newGradientCollector()) {
            NDArray loss = head.loss(model.network().forwardTask(store, batch.images(), true, task), batch.targets().get(0));
            value = loss.getFloat();
            if (!Double.isFinite(value)) {
                throw new IllegalStateException("the adaptation loss of task '" + name + "' is " + value + "; the parameters were not updated");
            }
            collector.backward(loss);
        }
        // Outside the collector: the update must not be recorded by autograd.
        store.updateAllParameters();
        return value;
    }

    /** The validation loss and metrics of {@code task}, by name. */
    private static Map<String, Double> evaluate(RunModel model, ParameterStore store, TaskHead head, int task, BatchLoader loader,
            List<Metric> metrics, int batchSize) {
        double[] losses = new double[model.heads().size()];
        List<MetricValue> values = ManyToManyTrainer.evaluate(model.network(), store, head, task, loader, metrics, batchSize, losses);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("loss", losses[task]);
        values.forEach(v -> out.put(v.name(), v.value()));
        return out;
    }
}
