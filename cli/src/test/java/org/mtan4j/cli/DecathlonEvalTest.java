package org.mtan4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtan4j.cli.CliTest.mtan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.io.Npy;
import org.mtan4j.datasets.decathlon.DecathlonResults;
import org.mtan4j.datasets.decathlon.DecathlonResults.Result;
import org.mtan4j.runtime.Engines;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.weights.RunModel;

/**
 * {@code mtan decathlon-eval} on a run trained here over three tiny domains in the devkit layout
 * ({@link DecathlonPredictTest#domain}) with a restart that stops training cifar100, and
 * {@code mtan predict --input} on a decathlon run: each task sees the image as its validation split does.
 */
class DecathlonEvalTest {

    @BeforeAll
    static void offline() {
        Engines.markOffline();
    }

    private static final String TRAINING = String.join("\n",
            "training:",
            "  epochs: 2",
            "  batch-size: 4",
            "  eval-batch-size: 8",
            "  threads: 1",
            "  optimizer: {name: sgd, learning-rate: 0.05, momentum: 0.9, nesterov: true, weight-decay: 5.0e-5}",
            "  scheduler: {step-size: 1, gamma: 0.5}",
            "  restarts: [{epoch: 1, learning-rate: 0.02, skip-tasks: [cifar100]}]",
            "");

    @Test
    void adaptsEachDomainThenWritesTheResultsAndTheValidationBeforeAndAfter(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("data");
        DecathlonPredictTest.domain(root, "cifar100", 30_000_001L, 3001, 3);
        DecathlonPredictTest.domain(root, "svhn", 80_000_001L, 8001, 2);
        DecathlonPredictTest.domain(root, "dtd", 50_000_001L, 5001, 4);
        Path config = dir.resolve("dec.yaml");
        Files.writeString(config, DecathlonPredictTest.yaml(root, "cifar100", "svhn", "dtd") + TRAINING);
        CliTest.Result trained = mtan("train", config.toString(), "--out", dir.resolve("runs").toString());
        assertEquals(0, trained.code(), trained.err());
        Path run = dir.resolve("runs/dec");
        Path restart = run.resolve("checkpoints/restart-1.params");
        Path last = run.resolve("checkpoints/last.params");
        byte[] restartBytes = Files.readAllBytes(restart);
        byte[] lastBytes = Files.readAllBytes(last);

        Path results = dir.resolve("out/results.json");
        CliTest.Result r = mtan("decathlon-eval", run.toString(), "--out", results.toString());
        assertEquals(0, r.code(), r.err());
        Map<Long, Long> byImage = DecathlonResults.read(results).stream().collect(Collectors.toMap(Result::imageId, Result::categoryId));
        assertEquals(3 + 2 + 4, byImage.size(), byImage.toString());
        assertTrue(byImage.keySet().containsAll(List.of(30_000_101L, 30_000_103L, 80_000_101L, 80_000_102L, 50_000_104L)), byImage.toString());
        // Image 30_000_101 is cifar100's, whose categories are 3001 to 3003; likewise 80_000_1xx svhn's (8001...), 50_000_1xx dtd's.
        assertTrue(byImage.entrySet().stream().allMatch(e -> e.getValue() - e.getKey() / 10_000 >= 1 && e.getValue() - e.getKey() / 10_000 <= 3),
                byImage.toString());
        assertTrue(r.out().contains("cifar100: 3 test images") && r.out().contains("dtd: 4 test images"), r.out());

        // The restart's weights for the domain it stopped, the final ones for the others, at the schedule's next rates.
        List<String> rows = Files.readAllLines(dir.resolve("out/results.adaptation.csv"));
        assertEquals("task,weights,learning-rate,steps,metric,before,after", rows.get(0));
        // 6 training and 3 validation images in batches of 4: 2 + 1 steps.
        // cifar100: epoch 0's phase at epoch 1, 0.05 x 0.5^1; the others: the restarted phase at epoch 2, 0.02 x 0.5^1.
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("cifar100,restart-1.params,0.025,3,accuracy,")), rows.toString());
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("svhn,last.params,0.01,3,accuracy,")), rows.toString());
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("dtd,last.params,0.01,3,loss,")), rows.toString());
        assertTrue(r.out().contains("cifar100: 3 steps from restart-1.params") && r.out().contains("accuracy"), r.out());

        assertArrayEquals(restartBytes, Files.readAllBytes(restart), "the run's checkpoints are only read");
        assertArrayEquals(lastBytes, Files.readAllBytes(last), "the run's checkpoints are only read");

        // Every domain from the final weights.
        CliTest.Result none = mtan("decathlon-eval", run.toString(), "--out", dir.resolve("none.json").toString(), "--from-restart", "none");
        assertEquals(0, none.code(), none.err());
        assertTrue(Files.readString(dir.resolve("none.adaptation.csv")).contains("cifar100,last.params,0.01,"));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("data");
        DecathlonPredictTest.domain(root, "svhn", 80_000_001L, 8001, 2);
        DecathlonPredictTest.domain(root, "dtd", 50_000_001L, 5001, 2);
        Path run = dir.resolve("run");
        Files.createDirectories(run.resolve("checkpoints"));
        Files.writeString(run.resolve("config.yaml"), DecathlonPredictTest.yaml(root, "svhn", "dtd")
                + TRAINING.replace("cifar100", "svhn"));
        Path results = dir.resolve("results.json");

        CliTest.Result noTask = mtan("decathlon-eval", run.toString(), "--out", results.toString(), "--from-restart", "cifar100");
        assertEquals(2, noTask.code(), noTask.out());
        assertTrue(noTask.err().contains("'cifar100' is not a task") && noTask.err().contains("svhn, dtd"), noTask.err());
        CliTest.Result noCheckpoint = mtan("decathlon-eval", run.toString(), "--out", results.toString());
        assertEquals(2, noCheckpoint.code(), noCheckpoint.out());
        assertTrue(noCheckpoint.err().contains("restart-1.params"), noCheckpoint.err());
        CliTest.Result noRun = mtan("decathlon-eval", dir.resolve("nowhere").toString(), "--out", results.toString());
        assertEquals(2, noRun.code(), noRun.out());
        assertFalse(Files.exists(results) || Files.exists(dir.resolve("results.adaptation.csv")), "nothing written");
    }

    /**
     * Each task of a many-to-many decathlon run gets the image as its own domain's validation split
     * makes it (the fixture's domains have no pickle: each computes its own mean and std).
     */
    @Test
    void predictInputGivesEachTaskItsValidationSplitsInput(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("data");
        DecathlonPredictTest.domain(root, "cifar100", 30_000_001L, 3001, 1);
        DecathlonPredictTest.domain(root, "svhn", 80_000_001L, 8001, 1);
        String yaml = DecathlonPredictTest.yaml(root, "cifar100", "svhn");
        Path[] model = DecathlonPredictTest.initialModel(dir, "run", yaml);
        // The first validation image of each domain (class folders sorted: C, a, b).
        Path[] inputs = {dir.resolve("in/cifar.png"), dir.resolve("in/svhn.png")};
        Files.createDirectories(inputs[0].getParent());
        Files.copy(root.resolve("cifar100/val/C/0.png"), inputs[0]);
        Files.copy(root.resolve("svhn/val/C/0.png"), inputs[1]);
        Path out = dir.resolve("predictions");
        CliTest.Result r = mtan("predict", "--config", model[0].toString(), "--weights", model[1].toString(), "--input",
                inputs[0].toString(), inputs[1].toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());

        ResolvedRun run = DecathlonPredictTest.resolve(yaml);
        String[] tasks = {"cifar100", "svhn"};
        String[] stems = {"cifar", "svhn"};
        try (RunModel loaded = RunModel.build(run); NDManager manager = loaded.manager().newSubManager()) {
            loaded.loadCheckpoint(model[1]);
            for (int d = 0; d < 2; d++) {
                try (MultiTaskDataset data = run.datasets().get(d).provider().open(run.datasets().get(d).options())) {
                    NDArray image = data.get(manager, MultiTaskDataset.VAL, 0, 0L).image().expandDims(0);
                    float[] expected = loaded.network().forwardTask(new ParameterStore(manager, false), image, false, d).toFloatArray();
                    float[] written = Npy.read(out.resolve(stems[d] + "." + tasks[d] + ".logprobs.npy")).data();
                    assertArrayEquals(expected, written, 1e-6f, tasks[d]);
                }
            }
        }
    }
}
