package org.mtan4j.runtime.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.runtime.config.RestartConfig;
import org.mtan4j.runtime.config.TrainingConfig;

/**
 * What a many-to-many run does in each epoch: which tasks train, in which order of batches, at which
 * learning rate, and whether the optimisation restarts there. The learning rate follows StepLR within a
 * phase; a restart ({@code training.restarts}) starts a new phase at its own rate with StepLR counting
 * from the restart epoch, as the paper's decathlon code builds a new optimiser and scheduler at epoch 300.
 */
public final class TaskSchedule {

    private final TrainingConfig training;
    private final List<String> taskNames;

    /** The schedule of a resolved training configuration for {@code tasks}. */
    public TaskSchedule(TrainingConfig training, List<TaskSpec> tasks) {
        this.training = training;
        this.taskNames = tasks.stream().map(TaskSpec::name).toList();
    }

    /** The learning rate of {@code epoch}. */
    public double learningRate(int epoch) {
        return phaseRate(epoch, epoch);
    }

    /**
     * The rate {@code epoch}'s phase would give the epoch after it, a restart there left aside: the rate
     * its training would have gone on at. The paper's evaluation script adapts each domain at this rate
     * before testing (visual_decathlon/model_wrn_eval.py): imagenet12, from the weights saved before the
     * restart at 300, at 0.1 x 0.5^6 (epoch 299's phase at 300); the others, from the final weights, at
     * 0.01 x 0.5^2 (epoch 399's phase, restarted at 300, at 400).
     */
    public double continuingLearningRate(int epoch) {
        return phaseRate(epoch, epoch + 1);
    }

    /** StepLR of the phase {@code phaseOf} belongs to, at {@code epoch}. */
    private double phaseRate(int phaseOf, int epoch) {
        double initial = training.optimizer().learningRate();
        int phaseStart = 0;
        for (RestartConfig restart : training.restartList()) {
            if (phaseOf >= restart.epoch()) {
                phaseStart = restart.epoch();
                initial = restart.learningRate() != null ? restart.learningRate() : training.optimizer().learningRate();
            }
        }
        return new StepLr(initial, training.scheduler().stepSize(), training.scheduler().gamma()).learningRate(epoch - phaseStart);
    }

    /** Whether a restart begins at {@code epoch} (a fresh optimiser). */
    public boolean restartsAt(int epoch) {
        return training.restartList().stream().anyMatch(r -> r.epoch() == epoch);
    }

    /** For each task, whether it trains in {@code epoch} (restarts' {@code skip-tasks} accumulate). */
    public boolean[] trains(int epoch) {
        boolean[] trains = new boolean[taskNames.size()];
        Arrays.fill(trains, true);
        for (RestartConfig restart : training.restartList()) {
            if (epoch >= restart.epoch()) {
                restart.skipTasks().forEach(name -> trains[taskNames.indexOf(name)] = false);
            }
        }
        return trains;
    }

    /**
     * The task of each step of an epoch. {@code in-turn}: every batch of the first training task, then
     * every batch of the next ...; {@code interleaved}: one batch of each training task in turn,
     * dropping a task once its batches are used up.
     *
     * @param order {@code in-turn} or {@code interleaved}
     * @param batches each task's number of training batches
     * @param trains which tasks train
     */
    public static int[] plan(String order, int[] batches, boolean[] trains) {
        List<Integer> steps = new ArrayList<>();
        if (order.equals("in-turn")) {
            for (int t = 0; t < batches.length; t++) {
                for (int b = 0; trains[t] && b < batches[t]; b++) {
                    steps.add(t);
                }
            }
        } else if (order.equals("interleaved")) {
            int[] left = new int[batches.length];
            for (int t = 0; t < batches.length; t++) {
                left[t] = trains[t] ? batches[t] : 0;
            }
            boolean any = true;
            while (any) {
                any = false;
                for (int t = 0; t < left.length; t++) {
                    if (left[t] > 0) {
                        steps.add(t);
                        left[t]--;
                        any = true;
                    }
                }
            }
        } else {
            throw new IllegalArgumentException("no task order '" + order + "'; allowed: " + String.join(", ", TrainingConfig.TASK_ORDERS));
        }
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }
}
