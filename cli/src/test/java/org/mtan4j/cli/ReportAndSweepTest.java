package org.mtan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.runtime.report.Plots;

/** {@code mtan report} and {@code mtan sweep} on tiny demo runs of one epoch. */
class ReportAndSweepTest {

    /** The demo shrunk to seconds: 32x64 images, narrow filters, 8 training samples, 1 epoch. */
    private static final List<String> TINY = List.of("dataset.options.height=32", "dataset.options.width=64",
            "dataset.options.train-size=8", "dataset.options.val-size=4", "backbone.options.filters=[4,8,8,8,8]",
            "training.epochs=1", "training.batch-size=4", "training.eval-batch-size=4");

    private static CliTest.Result train(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--out", out.toString()));
        for (String s : TINY) {
            args.add("--set");
            args.add(s);
        }
        for (String s : more) {
            args.add("--set");
            args.add(s);
        }
        return CliTest.mtan(args.toArray(String[]::new));
    }

    private static void assertPng(Path png) throws Exception {
        assertTrue(Files.isRegularFile(png), png + " exists");
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null, png + " is a readable image");
        assertEquals(Plots.WIDTH, image.getWidth(), png.toString());
        assertEquals(Plots.HEIGHT, image.getHeight(), png.toString());
    }

    @Test
    void reportComparesThreeDemoRunsWithSeedsGrouped(@TempDir Path dir) throws Exception {
        assertEquals(0, train(dir, "name=equal-s1", "seed=1").code());
        assertEquals(0, train(dir, "name=equal-s2", "seed=2").code());
        CliTest.Result other = train(dir, "name=dwa-s1", "seed=1", "weighting={name: dwa, options: {temperature: 2.0}}");
        assertEquals(0, other.code(), other.err());

        // Each run drew its own charts at its end.
        for (String png : List.of("loss.png", "weights.png", "learning-rate.png", "metric-semantic-miou.png", "metric-normal-angle-median.png")) {
            assertPng(dir.resolve("equal-s1/plots").resolve(png));
        }

        Path out = dir.resolve("report");
        CliTest.Result r = CliTest.mtan("report", "--seeds", "--out", out.toString(),
                dir.resolve("equal-s1").toString(), dir.resolve("equal-s2").toString(), dir.resolve("dwa-s1").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| equal-s1 + equal-s2 | split standard | equal |"), r.out());
        assertTrue(r.out().contains(" ± "), "mean ± std over the two seeds: " + r.out());
        assertTrue(r.out().contains("| dwa-s1 | split standard | dwa temperature=2.0 |"), r.out());
        assertTrue(r.out().contains("Average of the last 10 epochs") && r.out().contains("Best validation epoch"), r.out());
        assertTrue(r.out().contains("from one confusion matrix accumulated"), "the mIoU formula is named: " + r.out());
        assertTrue(Files.readString(out.resolve("report.md")).contains(" ± "));
        List<String> csv = Files.readAllLines(out.resolve("report.csv"));
        assertEquals(1 + 2 * 2, csv.size(), "header + 2 rows x 2 selections: " + csv);
        assertTrue(csv.get(1).startsWith("last-10,equal-s1 + equal-s2,2,split standard,equal,"), csv.get(1));
        assertPng(out.resolve("comparison.png"));

        // Delta_MTL against baselines given on the command line (the runs themselves, so 0 for the first).
        CliTest.Result withBaselines = CliTest.mtan("report", "--out", out.toString(),
                "--baseline", "semantic=" + dir.resolve("equal-s1"), "--baseline", "depth=" + dir.resolve("equal-s1"),
                "--baseline", "normal=" + dir.resolve("equal-s1"), dir.resolve("equal-s1").toString(), dir.resolve("dwa-s1").toString());
        assertEquals(0, withBaselines.code(), withBaselines.err());
        assertTrue(withBaselines.out().contains("+0.00% |"), withBaselines.out());

        CliTest.Result missing = CliTest.mtan("report", "--out", out.toString(), dir.resolve("nothing-here").toString());
        assertEquals(ExitCodes.USAGE, missing.code(), "a folder that holds no run is bad input");
        assertTrue(missing.err().contains("nothing-here"), missing.err());
    }

    @Test
    void sweepRunsA2x2GridAndSkipsFinishedRunsWhenRestarted(@TempDir Path dir) throws Exception {
        StringBuilder yaml = new StringBuilder("name: grid\nbase: demo\nset:\n");
        TINY.forEach(s -> yaml.append("  - \"").append(s).append("\"\n"));
        yaml.append("grid:\n  weighting: [equal, {name: dwa, options: {temperature: 2.0}}]\n  seed: [1, 2]\n");
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, yaml.toString());
        Path out = dir.resolve("sweeps");

        CliTest.Result plan = CliTest.mtan("sweep", "--plan", "--out", out.toString(), file.toString());
        assertEquals(0, plan.code(), plan.err());
        Path root = out.resolve("grid");
        List<String> configs = Files.readAllLines(root.resolve("configs.txt"));
        assertEquals(4, configs.size(), configs.toString());
        assertTrue(configs.get(0).endsWith("demo-equal-seed1.yaml") && configs.get(3).endsWith("demo-weighting2-seed2.yaml"), configs.toString());
        List<String> manifest = Files.readAllLines(root.resolve("manifest.csv"));
        assertEquals("index,name,config,run-dir,weighting,seed", manifest.get(0));
        assertEquals(5, manifest.size());
        // A mapping is one CSV cell of JSON (what --set takes), not Java's {name=dwa, ...}.
        assertTrue(manifest.get(3).endsWith(",\"{\"\"name\"\":\"\"dwa\"\",\"\"options\"\":{\"\"temperature\"\":2.0}}\",1"), manifest.get(3));
        assertTrue(Files.readString(Path.of(configs.get(3))).startsWith("# sweep grid, run 3: weighting={\"name\":\"dwa\""),
                Files.readString(Path.of(configs.get(3))));
        assertTrue(Files.readString(Path.of(configs.get(3))).contains("temperature: 2.0"), "the grid value is in the resolved config");
        assertTrue(!Files.exists(root.resolve("runs")), "--plan trains nothing");
        // Each planned config is what a scheduler hands to `mtan train`.
        assertEquals(0, CliTest.mtan("validate", configs.get(0)).code());

        CliTest.Result run = CliTest.mtan("sweep", "--out", out.toString(), file.toString());
        assertEquals(0, run.code(), run.err());
        for (String name : List.of("demo-equal-seed1", "demo-equal-seed2", "demo-weighting2-seed1", "demo-weighting2-seed2")) {
            assertTrue(Files.readString(root.resolve("runs").resolve(name).resolve("provenance.json")).contains("\"finished\""), name);
        }

        // As if killed during the last run: its provenance still says running. A restart trains only that one.
        Path interrupted = root.resolve("runs/demo-weighting2-seed2/provenance.json");
        Files.writeString(interrupted, Files.readString(interrupted).replace("\"finished\"", "\"running\""));
        CliTest.Result again = CliTest.mtan("sweep", "--out", out.toString(), file.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(3, again.out().split("finished before, skipped", -1).length - 1, again.out());
        assertTrue(again.out().contains("demo-weighting2-seed2: training (replacing an unfinished run)"), again.out());
        assertTrue(Files.readString(interrupted).contains("\"finished\""));
    }
}
