package org.mtan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtan4j.cli.CliTest.mtan;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.datasets.decathlon.DecathlonResults;
import org.mtan4j.datasets.decathlon.DecathlonResults.Result;
import org.mtan4j.runtime.Engines;
import org.mtan4j.runtime.PluginRegistry;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunResolver;
import org.mtan4j.runtime.config.ConfigLoader;
import org.mtan4j.runtime.weights.RunModel;

/**
 * {@code mtan predict --decathlon-results} on a many-to-many WRN-MTAN (depth 10, widen 1, 64x64) over two
 * tiny domains written here in the devkit layout: class folders b, a, C with categories first + 0, 1, 2,
 * and test images listed by {@code <domain>_test_stripped.json}.
 */
class DecathlonPredictTest {

    private static final String[] CLASSES = {"b", "a", "C"};

    @BeforeAll
    static void offline() {
        Engines.markOffline();
    }

    static void png(Path file, long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    /** One domain's images and devkit annotations; test image n has id firstImage + 100 + n. */
    static void domain(Path root, String domain, long firstImage, long firstCategory, int tests) throws Exception {
        List<String> images = new ArrayList<>();
        List<String> annotations = new ArrayList<>();
        long id = firstImage;
        for (int c = 0; c < CLASSES.length; c++) {
            png(root.resolve(domain + "/val/" + CLASSES[c] + "/0.png"), id * 7);
            for (int k = 0; k < 2; k++, id++) {
                png(root.resolve(domain + "/train/" + CLASSES[c] + "/" + k + ".png"), id);
                images.add("{\"id\": " + id + ", \"file_name\": \"data/" + domain + "/train/" + CLASSES[c] + "/" + k + ".png\"}");
                annotations.add("{\"id\": " + id + ", \"image_id\": " + id + ", \"category_id\": " + (firstCategory + c) + "}");
            }
        }
        List<String> test = new ArrayList<>();
        for (int n = 0; n < tests; n++) {
            png(root.resolve(domain + "/test/" + n + ".png"), 1000 + n);
            test.add("{\"id\": " + (firstImage + 100 + n) + ", \"file_name\": \"data/" + domain + "/test/" + n + ".png\"}");
        }
        String categories = "[{\"id\": " + firstCategory + "}, {\"id\": " + (firstCategory + 1) + "}, {\"id\": " + (firstCategory + 2) + "}]";
        Files.createDirectories(root.resolve("annotations"));
        Files.writeString(root.resolve("annotations/" + domain + "_train.json"), "{\"images\": " + images + ", \"annotations\": "
                + annotations + ", \"categories\": " + categories + "}");
        Files.writeString(root.resolve("annotations/" + domain + "_test_stripped.json"), "{\"images\": " + test
                + ", \"categories\": " + categories + "}");
    }

    static String yaml(Path root, String... domains) {
        StringBuilder y = new StringBuilder("name: dec\nseed: 2\ndataset:\n");
        for (String d : domains) {
            y.append("  - {name: decathlon, options: {root: '").append(root).append("', domain: ").append(d)
                    .append(", size: 64, augment: false}}\n");
        }
        y.append("tasks:\n");
        for (String d : domains) {
            y.append("  ").append(d).append(": {head: linear, metrics: [top1]}\n");
        }
        return y.append("backbone: {name: wrn-mtan, options: {depth: 10, widen: 1}}\n").toString();
    }

    /** Writes the run YAML and a checkpoint of its initial weights; returns {config, checkpoint}. */
    static Path[] initialModel(Path dir, String name, String text) throws Exception {
        Path config = dir.resolve(name + ".yaml");
        Files.writeString(config, text);
        Path checkpoint = dir.resolve(name + ".params");
        try (RunModel model = RunModel.build(resolve(text))) {
            model.saveCheckpoint(checkpoint);
        }
        return new Path[] {config, checkpoint};
    }

    static ResolvedRun resolve(String text) {
        return new RunResolver(PluginRegistry.discover()).resolve(ConfigLoader.load(text, "run.yaml", List.of()), "run.yaml");
    }

    @Test
    void writesEveryDomainsTestPredictionsWithTheDevkitIds(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("data");
        domain(root, "cifar100", 30_000_001L, 3001, 3);
        domain(root, "svhn", 80_000_001L, 8001, 2);
        Path[] both = initialModel(dir, "run", yaml(root, "cifar100", "svhn"));
        ResolvedRun run = resolve(yaml(root, "cifar100", "svhn"));
        List<Result> expected = new ArrayList<>();
        try (RunModel model = RunModel.build(run); NDManager manager = NDManager.newBaseManager()) {
            model.loadCheckpoint(both[1]);
            // Through the whole network (not forwardTask), task t's output; labels C, a, b = categories first + 2, 1, 0.
            for (int d = 0; d < 2; d++) {
                try (MultiTaskDataset data = run.datasets().get(d).provider().open(run.datasets().get(d).options())) {
                    NDList images = new NDList();
                    for (int i = 0; i < data.size("test"); i++) {
                        images.add(data.get(manager, "test", i, 0).image());
                    }
                    long[] classes = model.predict(NDArrays.stack(images)).get(d).argMax(1).toLongArray();
                    for (int i = 0; i < classes.length; i++) {
                        long first = d == 0 ? 30_000_001L : 80_000_001L;
                        long category = (d == 0 ? 3001 : 8001) + 2 - classes[i];
                        expected.add(new Result(first + 100 + i, category));
                    }
                }
            }
        }
        Path results = dir.resolve("results.json");
        CliTest.Result r = mtan("predict", "--config", both[0].toString(), "--weights", both[1].toString(), "--decathlon-results",
                results.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("cifar100: 3 test images") && r.out().contains("svhn: 2 test images"), r.out());
        assertEquals(expected, DecathlonResults.read(results));

        // One domain per run, merged into the same file: the other domain's entries stay.
        Path[] svhn = initialModel(dir, "svhn", yaml(root, "svhn"));
        CliTest.Result merged = mtan("predict", "--config", svhn[0].toString(), "--weights", svhn[1].toString(),
                "--decathlon-results", results.toString(), "--merge");
        assertEquals(0, merged.code(), merged.err());
        List<Result> after = DecathlonResults.read(results);
        assertEquals(expected.subList(0, 3), after.subList(0, 3), "cifar100 kept");
        assertEquals(List.of(80_000_101L, 80_000_102L), after.subList(3, 5).stream().map(Result::imageId).toList());
    }

    @Test
    void refusesADomainWithoutTestAnnotationsNamingTheFile(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("data");
        domain(root, "svhn", 80_000_001L, 8001, 2);
        Files.delete(root.resolve("annotations/svhn_test_stripped.json"));
        Path[] svhn = initialModel(dir, "svhn", yaml(root, "svhn"));
        CliTest.Result r = mtan("predict", "--config", svhn[0].toString(), "--weights", svhn[1].toString(), "--decathlon-results",
                dir.resolve("results.json").toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("svhn_test_stripped.json"), r.err());
        CliTest.Result twoModes = mtan("predict", "--config", svhn[0].toString(), "--weights", svhn[1].toString(), "--decathlon-results",
                dir.resolve("results.json").toString(), "--out", dir.toString());
        assertEquals(2, twoModes.code(), twoModes.out());
        assertTrue(twoModes.err().contains("--decathlon-results"), twoModes.err());
    }
}
