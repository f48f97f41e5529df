package org.mtan4j.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.runtime.config.PluginRef;

class ReportTest {

    private static final MetricKey MIOU = new MetricKey("semantic", "miou", true);
    private static final MetricKey ACC = new MetricKey("semantic", "pixel-accuracy", true);
    private static final MetricKey ABS = new MetricKey("depth", "abs-error", false);
    private static final MetricKey REL = new MetricKey("depth", "rel-error", false);

    @Test
    void deltaMtlWorkedOutByHand() {
        Map<MetricKey, Double> model = Map.of(MIOU, 0.30, ACC, 0.60, ABS, 0.50, REL, 0.20);
        Map<String, Map<MetricKey, Double>> baselines = Map.of(
                "semantic", Map.of(MIOU, 0.25, ACC, 0.60),
                "depth", Map.of(ABS, 0.40, REL, 0.25));
        DeltaMtl.Result r = DeltaMtl.compute(new java.util.LinkedHashMap<>(model), baselines);
        // semantic: miou (0.30 - 0.25) / 0.25 = +0.20, accuracy 0 -> mean +0.10.
        assertEquals(0.10, r.perTask().get("semantic"), 1e-12);
        // depth, lower is better: abs -(0.50 - 0.40) / 0.40 = -0.25, rel -(0.20 - 0.25) / 0.25 = +0.20 -> mean -0.025.
        assertEquals(-0.025, r.perTask().get("depth"), 1e-12);
        // Over tasks: (0.10 - 0.025) / 2 = +3.75%.
        assertEquals(0.0375, r.overall(), 1e-12);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeltaMtl.compute(model, Map.of("semantic", Map.of(MIOU, 0.25, ACC, 0.60))));
        assertTrue(e.getMessage().contains("depth"), e.getMessage());
    }

    @Test
    void lastTenAverageAndBestValidationEpoch(@TempDir Path dir) throws Exception {
        // 12 epochs: miou = epoch index / 100; total val loss lowest at epoch index 4 (epoch 5).
        double[][] epochs = new double[12][];
        for (int e = 0; e < 12; e++) {
            double loss = e == 4 ? 0.5 : 2.0 - e * 0.01;
            epochs[e] = new double[] {loss, 0.5, e / 100.0, 0.5, 1.0 + e, 0.1};
        }
        RunRecord run = RunRecord.read(FakeRuns.write(dir, "r", 1, "split", "equal", epochs));
        RunSummary last = RunSummary.of(run, Selection.LAST_10);
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 12), last.epochs());
        assertEquals((2 + 11) / 2.0 / 100, last.values().get(MIOU), 1e-12);
        assertEquals(1.0 + (2 + 11) / 2.0, last.values().get(ABS), 1e-12);
        RunSummary best = RunSummary.of(run, Selection.BEST_VALIDATION);
        assertEquals(List.of(5), best.epochs());
        assertEquals(0.04, best.values().get(MIOU), 1e-12);

        // Fewer than 10 epochs: all of them.
        RunRecord shortRun = RunRecord.read(FakeRuns.constant(dir, "s", 1, "equal", 3, 0.3, 0.6, 0.5, 0.2));
        assertEquals(List.of(1, 2, 3), RunSummary.of(shortRun, Selection.LAST_10).epochs());

        // A metrics.csv of an earlier version, epochs counted from 0: read as counted from 1.
        RunRecord old = RunRecord.read(FakeRuns.write(0, dir, "old", 1, "split", "equal", epochs));
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 12), RunSummary.of(old, Selection.LAST_10).epochs());
        assertEquals(List.of(5), RunSummary.of(old, Selection.BEST_VALIDATION).epochs());
        assertEquals(run.rows(), old.rows(), "the same rows");
    }

    @Test
    void comparisonGroupsSeedsWithDeltaAndPlots(@TempDir Path dir) throws Exception {
        Path semantic = FakeRuns.constant(dir, "single-semantic", 0, "equal", 2, 0.25, 0.60, 9, 9);
        Path depth = FakeRuns.constant(dir, "single-depth", 0, "equal", 2, 0.1, 0.1, 0.40, 0.25);
        RunRecord a1 = RunRecord.read(FakeRuns.constant(dir, "a-s1", 1, "equal", 2, 0.30, 0.60, 0.50, 0.20));
        RunRecord a2 = RunRecord.read(FakeRuns.constant(dir, "a-s2", 2, "equal", 2, 0.20, 0.60, 0.50, 0.20));
        RunRecord b = RunRecord.read(FakeRuns.constant(dir, "b", 1, "dwa", 2, 0.25, 0.60, 0.40, 0.25));

        ComparisonReport report = ComparisonReport.build(List.of(a1, a2, b), Map.of("semantic", semantic, "depth", depth), true);
        List<ComparisonReport.Row> rows = report.rows(Selection.LAST_10);
        assertEquals(2, rows.size(), "two seeds of one config share a row");
        assertEquals("a-s1 + a-s2", rows.get(0).label());
        assertEquals(0.25, rows.get(0).values().get(MIOU).mean(), 1e-12);
        assertEquals(Math.sqrt(0.005), rows.get(0).values().get(MIOU).std(), 1e-12);
        // Delta per seed: a-s1 as worked out above +3.75%; a-s2 miou -0.2 -> semantic -0.10, depth -0.025 -> -6.25%.
        assertEquals((0.0375 - 0.0625) / 2, rows.get(0).delta().mean(), 1e-12);
        assertEquals(0.0, rows.get(1).delta().mean(), 1e-12, "equal to its baselines");

        String md = report.markdown();
        assertTrue(md.contains("0.2500 ± 0.0707"), md);
        assertTrue(md.contains("Average of the last 10 epochs") && md.contains("Best validation epoch"), md);
        assertTrue(md.contains("per image"), "the formula is named: " + md);
        assertTrue(md.contains("depth: abs-error and rel-error over all valid pixels"), "the averaging is named: " + md);
        assertTrue(md.contains("-1.25% ± "), md);
        String csv = report.csv();
        assertTrue(csv.startsWith("selection,run,runs,architecture,weighting,parameters,epochs,semantic/miou,semantic/miou/std"), csv);
        assertEquals(1 + 2 * 2, csv.strip().split("\n").length, csv);

        Path chart = Plots.comparison(dir.resolve("out/comparison.png"), report, Selection.LAST_10, Map.of());
        assertImage(chart);
        for (Path png : Plots.run(a1)) {
            assertImage(png);
        }
        assertTrue(Files.isRegularFile(a1.directory().resolve("plots/metric-semantic-miou.png")));
        assertTrue(Files.isRegularFile(a1.directory().resolve("plots/learning-rate.png")));
    }

    @Test
    void ungroupedRowsAndNoBaselines(@TempDir Path dir) throws Exception {
        RunRecord a1 = RunRecord.read(FakeRuns.constant(dir, "a-s1", 1, "equal", 2, 0.30, 0.60, 0.50, 0.20));
        RunRecord a2 = RunRecord.read(FakeRuns.constant(dir, "a-s2", 2, "equal", 2, 0.20, 0.60, 0.50, 0.20));
        ComparisonReport report = ComparisonReport.build(List.of(a1, a2), Map.of(), false);
        assertEquals(2, report.rows(Selection.BEST_VALIDATION).size());
        assertEquals(null, report.rows(Selection.BEST_VALIDATION).get(0).delta());
        assertTrue(report.markdown().contains("| a-s1 | split standard | equal | 1,234 | 1 |"), report.markdown());
    }

    static void assertImage(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null, png + " is a readable image");
        assertEquals(Plots.WIDTH, image.getWidth(), png.toString());
        assertEquals(Plots.HEIGHT, image.getHeight(), png.toString());
    }

    @Test
    void formulaNotesNameTheAveraging() {
        String perBatch = "per batch, then averaged over the batches (the paper's code)";
        assertEquals("depth: abs-error and rel-error " + perBatch,
                ComparisonReport.formulaNote("depth", PluginRef.of("depth-error", Map.of("averaging", "per-batch"))));
        assertEquals("depth: abs-error and rel-error over all valid pixels of the split",
                ComparisonReport.formulaNote("depth", PluginRef.of("depth-error", Map.of("averaging", "pooled"))));
        assertEquals("depth: abs-error and rel-error over all valid pixels of the split",
                ComparisonReport.formulaNote("depth", PluginRef.of("depth-error", Map.of())), "recorded before the option: pooled");
        assertEquals("normal: angle mean, median and within-t fractions " + perBatch, ComparisonReport.formulaNote("normal",
                PluginRef.of("normal-angle", Map.of("averaging", "per-batch", "median", "per-batch"))));
        assertTrue(ComparisonReport.formulaNote("normal", PluginRef.of("normal-angle", Map.of("averaging", "pooled", "median", "per-batch")))
                .endsWith("over all valid pixels of the split; angle median the mean of per-batch medians (the paper's code)"));
        assertTrue(ComparisonReport.formulaNote("normal", PluginRef.of("normal-angle", Map.of("median", "exact")))
                .endsWith("angle median the exact median over all valid pixels"));
        assertEquals("svhn: accuracy " + perBatch, ComparisonReport.formulaNote("svhn", PluginRef.of("top1", Map.of("averaging", "per-batch"))));
        assertEquals("svhn: accuracy over all samples of the split", ComparisonReport.formulaNote("svhn", PluginRef.ofName("top1")));
    }
}
