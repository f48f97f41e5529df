package org.mtan4j.runtime.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtan4j.api.MetricValue;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.Runs;
import org.mtan4j.runtime.TinyRuns;
import org.mtan4j.runtime.run.Report;

/**
 * The mixture-of-experts and branching backbones ({@code plugins/moe}) on a narrow SegNet encoder with
 * the SegNet heads learn the synthetic scenes: three epochs at 64x96 beat the constant baselines
 * (majority class, mean depth, mean normal) on at least two validation metrics. LTB, whose Gumbel
 * noise and temperature depend on the step and epoch, also resumes exactly.
 */
class ExpertsTrainingTest {

    /**
     * 32 scenes in batches of 4 at learning rate 1e-2: eight steps an epoch. Fewer scenes, a lower rate or
     * the filters {@code [4, 8, 8, 8, 8]} leave some backbones level with the baselines after three epochs.
     * One PyTorch thread: the machine's cores are shared.
     */
    private static ResolvedRun run(String backbone, String options, String... more) {
        List<String> overrides = new ArrayList<>(List.of("dataset.options={height: 64, width: 96, train-size: 32, val-size: 8}",
                "backbone.name=" + backbone, "backbone.options={encoder: segnet, filters: [8, 16, 16, 16, 16], " + options + "}",
                "training.epochs=3", "training.batch-size=4", "training.eval-batch-size=8", "training.threads=1",
                "training.optimizer={learning-rate: 1.0e-2}"));
        overrides.addAll(List.of(more));
        return TinyRuns.resolved(overrides.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mmoe|experts: 2", "cgc|shared-experts: 1, task-experts: 1", "ple|shared-experts: 1, task-experts: 1, levels: 2",
        "dselect-k|experts: 2, k: 2", "ltb|branching-stages: [1, 2, 3, 4]"})
    void trainsThreeEpochsAndBeatsTheConstantBaselines(String backbone, @TempDir Path dir) {
        String[] parts = backbone.split("\\|");
        RunEnd end = Runs.train(run(parts[0], parts[1]), dir, false, List.of()).result();
        assertEquals(3, end.epochs().size());
        List<String> better = new ArrayList<>();
        List<List<MetricValue>> model = end.last().valMetrics();
        List<List<MetricValue>> constant = end.baselines().valMetrics();
        for (int t = 0; t < model.size(); t++) {
            for (int m = 0; m < model.get(t).size(); m++) {
                MetricValue ours = model.get(t).get(m);
                MetricValue theirs = constant.get(t).get(m);
                assertEquals(theirs.name(), ours.name());
                if (Report.beats(ours, theirs)) {
                    better.add(end.last().tasks().get(t).name() + "/" + ours.name() + " " + ours.value() + " vs " + theirs.value());
                }
            }
        }
        assertTrue(better.size() >= 2, parts[0] + " beats the constant baselines only on " + better);
    }

    @Test
    void aStoppedAndResumedLtbRunEqualsTheUninterruptedOne(@TempDir Path dir) throws Exception {
        // Two steps an epoch: warm-up in epoch 0 (0 < 0.01 * 3), Gumbel samples afterwards; the stop lands in epoch 1.
        String[] small = {"dataset.options={height: 64, width: 96, train-size: 8, val-size: 4}", "backbone.options.filters=[4, 8, 8, 8, 8]",
            "training.checkpoint-every-steps=3"};
        String branching = "branching-stages: [1, 4, 7]";
        Path whole = Runs.train(run("ltb", branching, small), dir.resolve("whole"), false, List.of()).directory().root();
        StopRequest stop = new StopRequest();
        TrainingListener stopAtStep3 = new TrainingListener() {
            @Override
            public void onStep(StepEnd step) {
                if (step.globalStep() == 3) {
                    stop.request();
                }
            }
        };
        assertThrows(TrainingStopped.class, () -> Runs.train(run("ltb", branching, small), dir.resolve("parts"), false,
                List.of(stopAtStep3), stop));
        Path parts = dir.resolve("parts/tiny");
        Runs.ResumePoint point = Runs.resumePoint(parts);
        assertEquals(1, point.checkpoint().state().epoch());
        Runs.resume(run("ltb", branching, small), point, List.of(), null);
        assertEquals(Files.readString(whole.resolve("metrics.csv")), Files.readString(parts.resolve("metrics.csv")));
        assertArrayEquals(Files.readAllBytes(whole.resolve("checkpoints/last.params")),
                Files.readAllBytes(parts.resolve("checkpoints/last.params")), "same final weights");
    }
}
