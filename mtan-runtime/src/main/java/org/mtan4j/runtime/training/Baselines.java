package org.mtan4j.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.TaskSpec;

/**
 * Constant predictors fitted on the training split and measured on the validation split with the
 * run's own metrics: the majority class for segmentation and classification, the mean depth, the
 * mean normal. A model that learned something beats them; the report prints both side by side.
 */
public final class Baselines {

    /**
     * What the constant predictors scored.
     *
     * @param descriptions per task, what was predicted (e.g. "majority class 11")
     * @param valMetrics per task, the validation metric values
     */
    public record Result(List<String> descriptions, List<List<MetricValue>> valMetrics) {
    }

    private Baselines() {
    }

    /**
     * Fits on {@code train} batches and measures on {@code val} batches.
     *
     * @param metrics fresh metric instances per task; they are reset and updated here
     */
    public static Result compute(List<TaskSpec> tasks, BatchLoader loader, int batchSize, List<List<Metric>> metrics) {
        int k = tasks.size();
        double[][] sums = new double[k][];
        double[] counts = new double[k];
        for (int t = 0; t < k; t++) {
            TaskSpec task = tasks.get(t);
            sums[t] = new double[Math.max(task.outputChannels(), 1)];
        }
        Iterator<Batch> train = loader.batches(MultiTaskDataset.TRAIN, batchSize, false, 0L, 0);
        while (train.hasNext()) {
            try (Batch batch = train.next()) {
                for (int t = 0; t < k; t++) {
                    accumulate(tasks.get(t), batch.targets().get(t), sums[t], t, counts);
                }
            }
        }
        List<String> descriptions = new ArrayList<>();
        float[][] constants = new float[k][];
        for (int t = 0; t < k; t++) {
            TaskSpec task = tasks.get(t);
            switch (task.kind()) {
                case SEGMENTATION:
                case CLASSIFICATION: {
                    int best = 0;
                    for (int c = 1; c < sums[t].length; c++) {
                        if (sums[t][c] > sums[t][best]) {
                            best = c;
                        }
                    }
                    constants[t] = new float[] {best};
                    descriptions.add("majority class " + best);
                    break;
                }
                case DEPTH: {
                    float mean = (float) (counts[t] == 0 ? 0 : sums[t][0] / counts[t]);
                    constants[t] = new float[] {mean};
                    descriptions.add(String.format("training mean depth %.4f", mean));
                    break;
                }
                default: {
                    double norm = Math.sqrt(sums[t][0] * sums[t][0] + sums[t][1] * sums[t][1] + sums[t][2] * sums[t][2]);
                    constants[t] = norm == 0 ? new float[] {0, 0, 1}
                            : new float[] {(float) (sums[t][0] / norm), (float) (sums[t][1] / norm), (float) (sums[t][2] / norm)};
                    descriptions.add(String.format("training mean normal (%.3f, %.3f, %.3f)", constants[t][0], constants[t][1], constants[t][2]));
                }
            }
        }
        metrics.forEach(list -> list.forEach(Metric::reset));
        Iterator<Batch> val = loader.batches(MultiTaskDataset.VAL, batchSize, false, 0L, 0);
        while (val.hasNext()) {
            try (Batch batch = val.next()) {
                for (int t = 0; t < k; t++) {
                    NDArray target = batch.targets().get(t);
                    NDArray prediction = constantPrediction(batch.manager(), tasks.get(t), constants[t], batch.size(), batch.images().getShape());
                    for (Metric metric : metrics.get(t)) {
                        metric.update(prediction, target);
                    }
                }
            }
        }
        List<List<MetricValue>> values = new ArrayList<>();
        for (List<Metric> taskMetrics : metrics) {
            List<MetricValue> taskValues = new ArrayList<>();
            taskMetrics.forEach(m -> taskValues.addAll(m.compute()));
            values.add(taskValues);
        }
        return new Result(descriptions, values);
    }

    private static void accumulate(TaskSpec task, NDArray target, double[] sums, int t, double[] counts) {
        switch (task.kind()) {
            case SEGMENTATION:
            case CLASSIFICATION:
                for (int c = 0; c < task.classes(); c++) {
                    sums[c] += target.eq((float) c).countNonzero().getLong();
                }
                break;
            case DEPTH:
                sums[0] += target.sum().getFloat();
                counts[t] += target.gt(0f).countNonzero().getLong();
                break;
            default: {
                float[] channelSums = target.sum(new int[] {0, 2, 3}).toFloatArray();
                for (int c = 0; c < 3; c++) {
                    sums[c] += channelSums[c];
                }
            }
        }
    }

    private static NDArray constantPrediction(NDManager manager, TaskSpec task, float[] constant, int n, Shape images) {
        long h = images.get(2);
        long w = images.get(3);
        switch (task.kind()) {
            case SEGMENTATION: {
                // log(1) at the majority class, a very low log-probability elsewhere.
                NDArray logits = manager.full(new Shape(n, task.classes(), h, w), -30f, DataType.FLOAT32);
                logits.set(new ai.djl.ndarray.index.NDIndex(":, {}", (long) constant[0]), 0f);
                return logits.logSoftmax(1);
            }
            case CLASSIFICATION: {
                NDArray logits = manager.full(new Shape(n, task.classes()), -30f, DataType.FLOAT32);
                logits.set(new ai.djl.ndarray.index.NDIndex(":, {}", (long) constant[0]), 0f);
                return logits.logSoftmax(1);
            }
            case DEPTH:
                return manager.full(new Shape(n, 1, h, w), constant[0], DataType.FLOAT32);
            default:
                return manager.create(constant, new Shape(1, 3, 1, 1)).broadcast(new Shape(n, 3, h, w)).duplicate();
        }
    }
}
