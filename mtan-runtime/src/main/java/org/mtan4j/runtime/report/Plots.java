package org.mtan4j.runtime.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mtan4j.runtime.run.AtomicFiles;

/**
 * PNG charts of runs, drawn with JFreeChart without a display ({@code java.awt.headless=true} is set
 * before any chart class loads). Every image is {@value #WIDTH}x{@value #HEIGHT} pixels.
 *
 * <p>Per run, in {@code <run>/plots/}: {@code loss.png} (training and validation loss per task),
 * {@code metric-<task>-<metric>.png} (one per validation metric), {@code weights.png} (task weights),
 * {@code learning-rate.png}; the x axis is the epoch counted from 1. For a comparison,
 * {@code comparison.png}: see {@link #comparison}.
 */
public final class Plots {

    /** Width of every image, in pixels. */
    public static final int WIDTH = 800;
    /** Height of every image, in pixels. */
    public static final int HEIGHT = 500;

    static {
        // AWT decides once, when it first loads, whether a display exists: say there is none first.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Plots() {
    }

    /**
     * Draws a run's charts into {@code <run>/plots/}.
     *
     * @return the files written
     */
    public static List<Path> run(RunRecord run) throws IOException {
        Path dir = run.directory().resolve("plots");
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        Map<String, XYSeries> loss = new LinkedHashMap<>();
        Map<String, XYSeries> weights = new LinkedHashMap<>();
        Map<String, XYSeries> metrics = new LinkedHashMap<>();
        XYSeries lr = new XYSeries("learning rate");
        for (MetricRow row : run.rows()) {
            double x = row.epoch();
            if (row.metric().equals("loss")) {
                loss.computeIfAbsent(row.split() + " " + row.task(), XYSeries::new).add(x, row.value());
            } else if (row.split().equals("train") && row.metric().equals("weight")) {
                weights.computeIfAbsent(row.task(), XYSeries::new).add(x, row.value());
            } else if (row.metric().equals("learning-rate")) {
                lr.add(x, row.value());
            } else if (row.split().equals("val")) {
                metrics.computeIfAbsent(row.task() + " " + row.metric(), XYSeries::new).add(x, row.value());
            }
        }
        written.add(line(dir.resolve("loss.png"), run.name() + ": loss per task", "loss", loss.values()));
        for (XYSeries series : metrics.values()) {
            String key = (String) series.getKey();
            written.add(line(dir.resolve("metric-" + key.replace(' ', '-') + ".png"), run.name() + ": validation " + key, key, List.of(series)));
        }
        written.add(line(dir.resolve("weights.png"), run.name() + ": task weights", "weight", weights.values()));
        written.add(line(dir.resolve("learning-rate.png"), run.name() + ": learning rate", "learning rate", List.of(lr)));
        return written;
    }

    private static Path line(Path file, String title, String yLabel, Iterable<XYSeries> series) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // epochs are whole numbers
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        int points = 0;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            points = Math.max(points, data.getItemCount(i));
        }
        // Markers show single epochs (a one-epoch run would otherwise draw nothing); beyond 30 they clutter.
        plot.setRenderer(new XYLineAndShapeRenderer(true, points <= 30));
        style(chart);
        save(file, chart);
        return file;
    }

    /**
     * A grouped bar chart of a comparison table: one group per metric, one bar per row, the bar being
     * the row's relative change in percent against a reference, positive = better (the Delta_MTL sign
     * rule): against the task's baseline when {@code baselines} has it, else against the first row.
     * That puts metrics of different scales on one axis.
     *
     * @param baselines task to the baseline values under the same selection; may be empty
     */
    public static Path comparison(Path file, ComparisonReport report, Selection selection, Map<String, Map<MetricKey, Double>> baselines)
            throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<ComparisonReport.Row> rows = report.rows(selection);
        for (MetricKey key : report.columns()) {
            Double reference = baselines.containsKey(key.task()) ? baselines.get(key.task()).get(key) : null;
            if (reference == null) {
                ComparisonReport.Stat first = rows.get(0).values().get(key);
                reference = first == null ? null : first.mean();
            }
            for (ComparisonReport.Row row : rows) {
                ComparisonReport.Stat s = row.values().get(key);
                if (s == null || reference == null) {
                    continue;
                }
                double d = 100 * (s.mean() - reference) / reference;
                data.addValue(key.higherIsBetter() ? d : -d, row.label(), key.task() + " " + key.metric());
            }
        }
        String against = baselines.isEmpty() ? "the first row" : "the single-task baselines";
        JFreeChart chart = ChartFactory.createBarChart("Relative to " + against + " (%, higher is better), " + selection.label(),
                "metric", "relative change (%)", data, PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelLines(2);
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(14f));
        style(chart);
        save(file, chart);
        return file;
    }

    /** White plot area with grey grid lines: easier to read when printed than JFreeChart's grey default. */
    private static void style(JFreeChart chart) {
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
        } else if (chart.getPlot() instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
    }

    private static void save(Path file, JFreeChart chart) throws IOException {
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }
}
