package org.mtan4j.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    /** Two tasks, a constant learning rate and equal (constant) weights: the common case. */
    private static RunRecord run(Path dir, String name, double miou) throws Exception {
        return RunRecord.read(FakeRuns.write(dir, name, 1, "split", "equal", new double[] {1.0, 0.8, miou, 0.5, 0.7, 0.3},
                new double[] {0.9, 0.7, miou + 0.1, 0.6, 0.6, 0.25}, new double[] {0.8, 0.6, miou + 0.15, 0.65, 0.55, 0.2}));
    }

    /** The labels of the range axis's ticks as drawn (the chart is rendered first: ticks are chosen when drawing). */
    private static List<String> rangeTickLabels(JFreeChart chart) {
        chart.createBufferedImage(Plots.WIDTH, Plots.HEIGHT);
        NumberAxis axis = (NumberAxis) (chart.getPlot() instanceof XYPlot xy ? xy.getRangeAxis() : ((CategoryPlot) chart.getPlot()).getRangeAxis());
        NumberTickUnit unit = axis.getTickUnit();
        List<String> labels = new ArrayList<>();
        for (double v = Math.ceil(axis.getLowerBound() / unit.getSize()) * unit.getSize(); v <= axis.getUpperBound(); v += unit.getSize()) {
            labels.add(unit.valueToString(v));
        }
        return labels;
    }

    @Test
    void aConstantSeriesGetsAnAxisWithDistinctTickLabels(@TempDir Path dir) throws Exception {
        Map<String, JFreeChart> charts = Plots.runCharts(run(dir, "a", 0.3));
        for (String name : List.of("learning-rate.png", "weights.png")) {
            List<String> labels = rangeTickLabels(charts.get(name));
            assertTrue(labels.size() >= 3, name + ": " + labels);
            assertEquals(labels.size(), new HashSet<>(labels).size(), name + ": every tick says another value: " + labels);
            NumberAxis axis = (NumberAxis) charts.get(name).getXYPlot().getRangeAxis();
            double value = name.startsWith("weights") ? 1.0 : 1.0e-4;
            assertTrue(axis.getLowerBound() < value && value < axis.getUpperBound() && axis.getRange().getLength() >= value / 2,
                    name + ": " + axis.getRange());
        }
    }

    @Test
    void trainingAndValidationOfATaskShareItsColourValidationDashed(@TempDir Path dir) throws Exception {
        JFreeChart loss = Plots.runCharts(run(dir, "a", 0.3)).get("loss.png");
        XYPlot plot = loss.getXYPlot();
        Map<String, Integer> series = new java.util.HashMap<>();
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            series.put((String) plot.getDataset().getSeriesKey(i), i);
        }
        XYItemRenderer renderer = plot.getRenderer();
        for (String task : List.of("semantic", "depth")) {
            int train = series.get("train " + task);
            int val = series.get("val " + task);
            assertEquals(renderer.getSeriesPaint(train), renderer.getSeriesPaint(val), task);
            assertEquals(null, ((BasicStroke) renderer.getSeriesStroke(train)).getDashArray(), "training solid");
            assertTrue(((BasicStroke) renderer.getSeriesStroke(val)).getDashArray() != null, "validation dashed");
        }
        assertNotEquals(renderer.getSeriesPaint(series.get("train semantic")), renderer.getSeriesPaint(series.get("train depth")));
    }

    @Test
    void noColourIsPalerThanThreeToOneOnWhite(@TempDir Path dir) throws Exception {
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(run(dir, "r" + i, 0.2 + i * 0.01));
        }
        List<java.awt.Paint> paints = new ArrayList<>();
        for (JFreeChart chart : Plots.runCharts(runs.get(0)).values()) {
            for (int i = 0; i < chart.getXYPlot().getDataset().getSeriesCount(); i++) {
                paints.add(chart.getXYPlot().getRenderer().getSeriesPaint(i));
            }
        }
        JFreeChart bars = Plots.comparisonChart(ComparisonReport.build(runs, Map.of(), false), Selection.LAST_10, Map.of());
        CategoryItemRenderer renderer = bars.getCategoryPlot().getRenderer();
        for (int i = 0; i < bars.getCategoryPlot().getDataset().getRowCount(); i++) {
            paints.add(renderer.getSeriesPaint(i));
        }
        assertTrue(paints.size() >= 4 + 6, "paints checked: " + paints.size());
        for (java.awt.Paint paint : paints) {
            assertTrue(contrastOnWhite((Color) paint) >= 3.0, paint + " has contrast " + contrastOnWhite((Color) paint));
        }
    }

    /** WCAG's contrast ratio of {@code c} against white. */
    private static double contrastOnWhite(Color c) {
        double[] rgb = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        double luminance = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        return 1.05 / (luminance + 0.05);
    }

    @Test
    void aOneRowComparisonShowsTheValues(@TempDir Path dir) throws Exception {
        ComparisonReport report = ComparisonReport.build(List.of(run(dir, "only", 0.3)), Map.of(), false);
        JFreeChart chart = Plots.comparisonChart(report, Selection.LAST_10, Map.of());
        CategoryDataset data = chart.getCategoryPlot().getDataset();
        assertEquals(4, data.getColumnCount(), "one bar per metric");
        for (int c = 0; c < data.getColumnCount(); c++) {
            assertTrue(data.getValue(0, c).doubleValue() > 0, data.getColumnKey(c) + " drawn");
        }
        List<String> labels = rangeTickLabels(chart);
        assertEquals(labels.size(), new HashSet<>(labels).size(), labels.toString());
    }

    @Test
    void rowsEqualToTheReferenceGetAnAxisOfWholePercents(@TempDir Path dir) throws Exception {
        ComparisonReport report = ComparisonReport.build(List.of(run(dir, "a", 0.3), run(dir, "b", 0.3)), Map.of(), false);
        JFreeChart chart = Plots.comparisonChart(report, Selection.LAST_10, Map.of());
        List<String> labels = rangeTickLabels(chart);
        assertEquals(labels.size(), new HashSet<>(labels).size(), labels.toString());
        assertTrue(chart.getCategoryPlot().getRangeAxis().getRange().getLength() >= 1.0, chart.getCategoryPlot().getRangeAxis().getRange().toString());
    }
}
