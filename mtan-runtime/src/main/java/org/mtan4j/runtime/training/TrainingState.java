package org.mtan4j.runtime.training;

import java.util.ArrayList;
import java.util.List;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.TaskSpec;

/**
 * Everything of a run's progress that is not an array: where it stands and what the finished epochs
 * measured. Stored as {@code state.json} inside a checkpoint; the model and the
 * optimiser's arrays sit beside it.
 *
 * @param format the checkpoint format version
 * @param config the run's resolved configuration (YAML) when the checkpoint was written
 * @param parameters the model's parameters as {@code name shape}, in order: a checkpoint of another model
 *     is recognised before anything is loaded
 * @param optimizer the optimiser's name
 * @param epoch the epoch to continue in, from 0
 * @param step the next step of that epoch, from 0
 * @param globalStep training steps taken since the run began
 * @param lossSums the current epoch's task loss sums over its first {@code step} steps
 * @param weightSums the same for the task weights
 * @param epochs the finished epochs
 * @param baselines the constant predictors' results
 * @param turns a many-to-many run's progress in the current epoch beyond the sums; null for other runs
 */
public record TrainingState(int format, String config, List<String> parameters, String optimizer, int epoch, int step,
        long globalStep, double[] lossSums, double[] weightSums, List<EpochSummary> epochs, BaselineSummary baselines,
        TurnProgress turns) {

    /**
     * What a many-to-many run has done besides the sums: in the current epoch each task's steps (its data
     * position) and the evaluations of the tasks whose turn has ended ({@code in-turn}), which the epoch's
     * end reports; and which parameters have joined the optimiser.
     *
     * @param steps steps taken per task in the current epoch
     * @param valLosses validation loss per task, 0 where not evaluated yet
     * @param valMetrics validation metric values per task, empty where not evaluated yet
     * @param joined the parameters the optimiser updates (every one a training pass has read so far), by name
     */
    public record TurnProgress(int[] steps, double[] valLosses, List<List<MetricValue>> valMetrics, List<String> joined) {
    }

    /** The format written by this version. */
    public static final int FORMAT = 1;

    /**
     * A finished epoch, as {@link EpochEnd} without the model.
     *
     * @param epoch from 0
     * @param trainLosses mean training loss per task
     * @param taskWeights mean weight per task
     * @param learningRate the epoch's learning rate
     * @param valLosses mean validation loss per task
     * @param valMetrics validation metric values per task
     */
    public record EpochSummary(int epoch, double[] trainLosses, double[] taskWeights, double learningRate, double[] valLosses,
            List<List<MetricValue>> valMetrics) {

        /** The summary of {@code end}. */
        public static EpochSummary of(EpochEnd end) {
            return new EpochSummary(end.epoch(), end.trainLosses(), end.taskWeights(), end.learningRate(), end.valLosses(),
                    end.valMetrics());
        }

        /** Back to an {@link EpochEnd}, without a model. */
        public EpochEnd toEpochEnd(List<TaskSpec> tasks) {
            return new EpochEnd(epoch, tasks, trainLosses, taskWeights, learningRate, valLosses, valMetrics, null);
        }
    }

    /**
     * The baselines' results.
     *
     * @param descriptions what each task's constant predictor predicted
     * @param valMetrics their validation metric values
     */
    public record BaselineSummary(List<String> descriptions, List<List<MetricValue>> valMetrics) {

        /** Back to {@link Baselines.Result}. */
        public Baselines.Result toResult() {
            return new Baselines.Result(descriptions, valMetrics);
        }
    }

    /** Where this state stands, in words, epochs counted from 1: see {@link #position(int, int)}. */
    public String position() {
        return position(epoch, step);
    }

    /**
     * The place "in {@code epoch} (from 0), before its step {@code step} (from 0)" as users count: "after
     * epoch 3" at an epoch's end, "in epoch 2 after step 5" within one.
     */
    public static String position(int epoch, int step) {
        return step == 0 ? "after epoch " + epoch : "in epoch " + (epoch + 1) + " after step " + step;
    }

    /** The finished epochs as {@link EpochEnd}s without a model. */
    public List<EpochEnd> epochEnds(List<TaskSpec> tasks) {
        List<EpochEnd> ends = new ArrayList<>();
        epochs.forEach(e -> ends.add(e.toEpochEnd(tasks)));
        return ends;
    }
}
