package org.mtan4j.runtime.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.MetricValue;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.Runs;
import org.mtan4j.runtime.TinyRuns;

/**
 * Many-to-many training through the real runtime: three {@code synthetic-shapes} domains (3 colour
 * classes, 4 shape classes, 2 position classes), each its own dataset and task, on a narrow WRN-MTAN.
 */
class ManyToManyTrainingTest {

    /** {@link TinyRuns#shapes}. */
    static String yaml(int[] trainSizes, String order, int epochs, String extraTraining) {
        return TinyRuns.shapes(trainSizes, order, epochs, extraTraining);
    }

    static ResolvedRun resolve(String yaml) {
        return TinyRuns.resolve(yaml);
    }

    /** Records which task each step trained (the one with a loss) and every epoch. */
    static final class Probe implements TrainingListener {
        final List<Integer> trained = new ArrayList<>();
        final List<EpochEnd> epochs = new ArrayList<>();

        @Override
        public void onStep(StepEnd step) {
            int task = -1;
            for (int t = 0; t < step.taskLosses().length; t++) {
                if (step.taskLosses()[t] != 0) {
                    assertEquals(-1, task, "one task per step");
                    task = t;
                }
            }
            trained.add(task);
        }

        @Override
        public void onEpochEnd(EpochEnd epoch) {
            epochs.add(epoch);
        }
    }

    private static double accuracy(EpochEnd epoch, int task) {
        for (MetricValue value : epoch.valMetrics().get(task)) {
            if (value.name().equals("accuracy")) {
                return value.value();
            }
        }
        throw new AssertionError("no accuracy for task " + task);
    }

    @Test
    void everyDomainLearnsWellAboveChance(@TempDir Path dir) throws Exception {
        Probe probe = new Probe();
        Runs.Outcome outcome = Runs.train(resolve(yaml(new int[] {240, 240, 240}, "in-turn", 5, "").replace("learning-rate: 0.05", "learning-rate: 0.1")), dir,
                false, List.of(probe));
        EpochEnd last = probe.epochs.get(probe.epochs.size() - 1);
        double[] chance = {1 / 3.0, 1 / 4.0, 1 / 2.0};
        for (int t = 0; t < 3; t++) {
            double acc = accuracy(last, t);
            // Halfway from chance to perfect at least.
            int task = t;
            assertTrue(acc > chance[t] + (1 - chance[t]) / 2, last.tasks().get(t).name() + ": val top-1 by epoch "
                    + probe.epochs.stream().map(e -> accuracy(e, task)).toList() + " vs chance " + chance[t]);
            assertTrue(accuracy(last, t) > accuracy(probe.epochs.get(0), t) || accuracy(probe.epochs.get(0), t) > 0.9,
                    last.tasks().get(t).name() + " improves over the epochs");
        }
        String metrics = Files.readString(outcome.directory().metrics());
        assertTrue(metrics.contains("4,val,position,accuracy,"), "metrics.csv has every task's rows");
        assertTrue(Files.isRegularFile(outcome.directory().report()), "report written");
        String config = Files.readString(outcome.directory().config());
        assertTrue(config.contains("task-order: in-turn") && config.contains("- name: synthetic-shapes"), config);
    }

    @Test
    void inTurnTrainsEachDomainsWholeSplitThenTheNextAndInterleavedAlternates(@TempDir Path dir) {
        // 3, 2 and 1 batches of 16.
        int[] sizes = {48, 32, 16};
        Probe inTurn = new Probe();
        Runs.train(resolve(yaml(sizes, "in-turn", 1, "")), dir.resolve("a"), false, List.of(inTurn));
        assertEquals(List.of(0, 0, 0, 1, 1, 2), inTurn.trained);
        Probe interleaved = new Probe();
        Runs.train(resolve(yaml(sizes, "interleaved", 1, "")), dir.resolve("b"), false, List.of(interleaved));
        assertEquals(List.of(0, 1, 2, 0, 1, 0), interleaved.trained);
    }

    @Test
    void theSameSeedGivesTheSameMetrics(@TempDir Path dir) throws Exception {
        String yaml = yaml(new int[] {32, 16, 16}, "interleaved", 2, "");
        Path a = Runs.train(resolve(yaml), dir.resolve("a"), false, List.of()).directory().metrics();
        Path b = Runs.train(resolve(yaml), dir.resolve("b"), false, List.of()).directory().metrics();
        assertEquals(Files.readString(a), Files.readString(b));
        Path c = Runs.train(resolve(yaml.replace("seed: 11", "seed: 12")), dir.resolve("c"), false, List.of()).directory().metrics();
        assertFalse(Files.readString(a).equals(Files.readString(c)), "another seed, other metrics");
    }

    @Test
    void aRestartSkipsItsTasksAndRestartsTheLearningRate(@TempDir Path dir) throws Exception {
        Probe probe = new Probe();
        String restart = "  restarts: [{epoch: 1, learning-rate: 0.01, skip-tasks: [colour]}]";
        Runs.Outcome outcome = Runs.train(resolve(yaml(new int[] {32, 32, 32}, "in-turn", 2, restart)), dir, false, List.of(probe));
        assertEquals(List.of(0, 0, 1, 1, 2, 2, 1, 1, 2, 2), probe.trained);
        EpochEnd second = probe.epochs.get(1);
        assertEquals(0.01, second.learningRate(), 1e-12);
        assertTrue(Double.isNaN(second.trainLosses()[0]), "a skipped task has no training loss");
        assertEquals(accuracy(probe.epochs.get(0), 0), accuracy(second, 0), "a skipped task keeps its last evaluation");
        assertEquals(probe.epochs.get(0).valLosses()[0], second.valLosses()[0]);
        assertTrue(second.valLosses()[1] != probe.epochs.get(0).valLosses()[1], "the others are evaluated again");
        assertTrue(Files.readString(outcome.directory().metrics()).contains("2,train,colour,loss,NaN,"));
    }

    @Test
    void aRestartKeepsTheWeightsItBeginsWith(@TempDir Path dir) throws Exception {
        String restart = "  restarts: [{epoch: 1, learning-rate: 0.01, skip-tasks: [colour]}]";
        Runs.Outcome twoEpochs = Runs.train(resolve(yaml(new int[] {32, 32, 32}, "in-turn", 2, restart)), dir.resolve("a"), false, List.of());
        Runs.Outcome oneEpoch = Runs.train(resolve(yaml(new int[] {32, 32, 32}, "in-turn", 1, "")), dir.resolve("b"), false, List.of());
        Path kept = twoEpochs.directory().restartCheckpoint(1);
        assertEquals(dir.resolve("a/shapes/checkpoints/restart-1.params"), kept);
        // The restart's epoch changes nothing before it: the kept weights are those one epoch leaves.
        assertArrayEquals(Files.readAllBytes(oneEpoch.directory().checkpoints().resolve("last.params")), Files.readAllBytes(kept));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(kept),
                Files.readAllBytes(twoEpochs.directory().checkpoints().resolve("last.params"))), "the last epoch's weights are others");
    }

    @Test
    void trainOnValTrainsEachTurnsValidationBatchesAfterItsTrainingBatches(@TempDir Path dir) {
        // 2 training batches of 16 and 4 validation batches (60 images) per task.
        Probe probe = new Probe();
        ResolvedRun run = resolve(yaml(new int[] {32, 32, 32}, "in-turn", 1, "  train-on-val: true"));
        assertEquals(Boolean.TRUE, run.config().training().trainOnVal());
        Runs.train(run, dir, false, List.of(probe));
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2), probe.trained);
        assertEquals(Boolean.FALSE, resolve(yaml(new int[] {32, 32, 32}, "in-turn", 1, "")).config().training().trainOnVal(),
                "written out in the resolved config");
    }

    @Test
    void stepsAndTurnsLeakNoArrays(@TempDir Path dir) {
        int[] arrays = new int[2];
        TrainingListener counter = new TrainingListener() {
            @Override
            public void onStep(StepEnd step) {
                // Same place in epochs 1 and 3: every parameter and momentum buffer exists by then.
                if (step.stepInEpoch() == 4 && (step.epoch() == 1 || step.epoch() == 3)) {
                    try (ai.djl.ndarray.NDManager probe = ai.djl.ndarray.NDManager.newBaseManager()) {
                        arrays[step.epoch() / 2] = ((ai.djl.ndarray.BaseNDManager) probe.getParentManager()).getManagedArrays().size();
                    }
                }
            }
        };
        // 4 epochs of 2 + 2 + 2 steps, each turn followed by its evaluation.
        Runs.train(resolve(yaml(new int[] {32, 32, 32}, "in-turn", 4, "")), dir, false, List.of(counter));
        assertTrue(arrays[0] > 0, "arrays were counted");
        assertEquals(arrays[0], arrays[1], "live engine arrays in epoch 1 and in epoch 3");
    }

    @Test
    void tasksInTurnAndInterleavedPlans() {
        boolean[] all = {true, true, true};
        assertArrayEquals(new int[] {0, 0, 1, 2, 2, 2}, TaskSchedule.plan("in-turn", new int[] {2, 1, 3}, all));
        assertArrayEquals(new int[] {0, 1, 2, 0, 2, 2}, TaskSchedule.plan("interleaved", new int[] {2, 1, 3}, all));
        assertArrayEquals(new int[] {1, 2, 2, 2}, TaskSchedule.plan("in-turn", new int[] {2, 1, 3}, new boolean[] {false, true, true}));
    }

    @Test
    void thePapersDecathlonSchedule() {
        // models.md: SGD lr 0.1, StepLR(50, 0.5), 400 epochs; from 300 imagenet12 skipped and lr 0.01 with a new StepLR.
        String yaml = yaml(new int[] {16, 16, 16}, "in-turn", 400, "  restarts: [{epoch: 300, learning-rate: 0.01, skip-tasks: [colour]}]")
                .replace("learning-rate: 0.05", "learning-rate: 0.1");
        ResolvedRun run = resolve(yaml);
        TaskSchedule schedule = new TaskSchedule(run.config().training(), run.tasks());
        assertEquals(0.1, schedule.learningRate(0), 1e-12);
        assertEquals(0.1 * Math.pow(0.5, 5), schedule.learningRate(299), 1e-12);
        assertEquals(0.01, schedule.learningRate(300), 1e-12);
        assertEquals(0.01, schedule.learningRate(349), 1e-12);
        assertEquals(0.005, schedule.learningRate(350), 1e-12);
        // The evaluation script's rates (model_wrn_eval.py): imagenet12 from the restart, the others from the end.
        assertEquals(0.1 * Math.pow(0.5, 6), schedule.continuingLearningRate(299), 1e-12);
        assertEquals(0.01 * Math.pow(0.5, 2), schedule.continuingLearningRate(399), 1e-12);
        assertTrue(schedule.restartsAt(300) && !schedule.restartsAt(301) && !schedule.restartsAt(0));
        assertArrayEquals(new boolean[] {true, true, true}, schedule.trains(299));
        assertArrayEquals(new boolean[] {false, true, true}, schedule.trains(300));
    }
}
