package org.mtan4j.runtime.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.runtime.weights.RunModel;

/**
 * One classification task's predicted class for every sample of a dataset split, in the split's order:
 * what a benchmark's submission file is made of (the Visual Decathlon's test split). Only that task's
 * path runs ({@link org.mtan4j.api.Backbone#forwardTask}, then its head), in inference mode, so a
 * many-to-many model does not compute the other domains' branches.
 */
public final class SplitClassifier {

    private SplitClassifier() {
    }

    /**
     * The arg-max class of task {@code task} for each sample of {@code split}.
     *
     * @param model the model, its weights loaded
     * @param dataset the task's dataset
     * @param split one of the dataset's splits (its targets are not read)
     * @param task the task, an index into the run's tasks
     * @param batchSize images per forward pass
     * @throws PredictionException when the task is not a classification or the split does not exist
     * @throws IOException naming the image file that cannot be read
     */
    public static int[] classify(RunModel model, MultiTaskDataset dataset, String split, int task, int batchSize) throws IOException {
        TaskSpec spec = model.heads().get(task).task();
        if (spec.kind() != TaskKind.CLASSIFICATION) {
            throw new PredictionException("task '" + spec.name() + "' is " + spec.kind() + "; class predictions need a classification task");
        }
        if (!dataset.splits().contains(split)) {
            throw new PredictionException("the dataset of task '" + spec.name() + "' has no '" + split + "' split; it has " + dataset.splits());
        }
        int n = dataset.size(split);
        int[] out = new int[n];
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            try (NDManager batch = model.manager().newSubManager()) {
                List<NDArray> images = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    images.add(dataset.get(batch, split, i, 0L).image());
                }
                ParameterStore store = new ParameterStore(batch, false);
                NDArray features = model.backbone().forwardTask(store, NDArrays.stack(new NDList(images)), false, task);
                NDArray scores = model.heads().get(task).block().forward(store, new NDList(features), false).singletonOrThrow();
                long[] classes = scores.argMax(1).toLongArray();
                for (int i = 0; i < classes.length; i++) {
                    out[from + i] = Math.toIntExact(classes[i]);
                }
            }
        }
        return out;
    }
}
