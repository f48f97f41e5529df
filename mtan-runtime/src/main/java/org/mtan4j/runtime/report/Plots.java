package org.mtan4j.runtime.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
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
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
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
 * {@code learning-rate.png}; the x axis is the epoch counted from 1. A task has one colour in every
 * chart of a run, its validation series dashed; no colour is paler than 3:1 against white. For a comparison,
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
     * The series colours, in order: distinct hues that all keep a contrast of at least 3:1 against the
     * white plot area (WCAG's minimum for graphics), so no yellow or pale cyan.
     */
    static final List<Color> PALETTE = List.of(new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
            new Color(0xd95f02), new Color(0x8c564b), new Color(0xe7298a), new Color(0x008b8b), new Color(0x7f7f7f),
            new Color(0xa6761d), new Color(0x332288), new Color(0x882255));

    /** Validation series are drawn dashed in their task's colour; training ones solid. */
    private static final BasicStroke SOLID = new BasicStroke(2f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    /**
     * Draws a run's charts into {@code <run>/plots/}.
     *
     * @return the files written
     */
    public static List<Path> run(RunRecord run) throws IOException {
        Path dir = run.directory().resolve("plots");
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, JFreeChart> chart : runCharts(run).entrySet()) {
            Path file = dir.resolve(chart.getKey());
            save(file, chart.getValue());
            written.add(file);
        }
        return written;
    }

    /** A run's charts by file name. A task has one colour in all of them. */
    static Map<String, JFreeChart> runCharts(RunRecord run) {
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
        List<String> tasks = run.tasks();
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        charts.put("loss.png", line(run.name() + ": loss per task (validation dashed)", "loss", loss.values(), tasks));
        for (XYSeries series : metrics.values()) {
            String key = (String) series.getKey();
            charts.put("metric-" + key.replace(' ', '-') + ".png", line(run.name() + ": validation " + key, key, List.of(series), tasks));
        }
        charts.put("weights.png", line(run.name() + ": task weights", "weight", weights.values(), tasks));
        charts.put("learning-rate.png", line(run.name() + ": learning rate", "learning rate", List.of(lr), tasks));
        return charts;
    }

    /**
     * A line chart. A series named after a task ({@code depth}, {@code val depth}, {@code depth abs-error})
     * gets the task's colour, validation series dashed; others take the palette in order.
     */
    private static JFreeChart line(String title, String yLabel, Iterable<XYSeries> series, List<String> tasks) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // epochs are whole numbers
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setAutoRangeIncludesZero(false);
        int points = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            points = Math.max(points, data.getItemCount(i));
            if (data.getItemCount(i) > 0) {
                min = Math.min(min, data.getSeries(i).getMinY());
                max = Math.max(max, data.getSeries(i).getMaxY());
            }
        }
        fitFlat(range, min, max);
        // Markers show single epochs (a one-epoch run would otherwise draw nothing); beyond 30 they clutter.
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, points <= 30);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String key = (String) data.getSeriesKey(i);
            String[] words = key.split(" ");
            boolean validation = words[0].equals("val");
            String task = validation || words[0].equals("train") ? (words.length > 1 ? words[1] : "") : words[0];
            int colour = tasks.contains(task) ? tasks.indexOf(task) : i;
            renderer.setSeriesPaint(i, PALETTE.get(colour % PALETTE.size()));
            renderer.setSeriesStroke(i, validation ? DASHED : SOLID);
        }
        plot.setRenderer(renderer);
        style(chart);
        return chart;
    }

    /**
     * A flat series (a constant learning rate, equal weights: the common case) would get an axis a
     * hair wide, every tick labelled alike ({@code 1E0}); it gets the value +-50% instead (+-1 around 0).
     */
    private static void fitFlat(NumberAxis axis, double min, double max) {
        if (min > max) {
            return; // no data
        }
        double scale = Math.max(Math.abs(min), Math.abs(max));
        if (max - min > 1e-6 * scale && scale > 0) {
            return;
        }
        double half = scale > 0 ? scale / 2 : 1;
        axis.setRange(min - half, max + half);
    }

    /**
     * A grouped bar chart of a comparison table: one group per metric, one bar per row, the bar being
     * the row's relative change in percent against a reference, positive = better (the Delta_MTL sign
     * rule): against the task's baseline when {@code baselines} has it, else against the first row.
     * That puts metrics of different scales on one axis. A single run without baselines has nothing to
     * compare with: its chart shows the metrics' values instead.
     *
     * @param baselines task to the baseline values under the same selection; may be empty
     */
    public static Path comparison(Path file, ComparisonReport report, Selection selection, Map<String, Map<MetricKey, Double>> baselines)
            throws IOException {
        save(file, comparisonChart(report, selection, baselines));
        return file;
    }

    static JFreeChart comparisonChart(ComparisonReport report, Selection selection, Map<String, Map<MetricKey, Double>> baselines) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<ComparisonReport.Row> rows = report.rows(selection);
        boolean values = rows.size() == 1 && baselines.isEmpty();
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
                data.addValue(values ? s.mean() : key.higherIsBetter() ? d : -d, row.label(), key.task() + " " + key.metric());
            }
        }
        String title = values ? rows.get(0).label() + ": validation metrics, " + selection.label()
                : "Relative to " + (baselines.isEmpty() ? "the first row" : "the single-task baselines") + " (%, higher is better), "
                        + selection.label();
        JFreeChart chart = ChartFactory.createBarChart(title, "metric", values ? "value" : "relative change (%)", data,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        // Rows equal to the reference are all 0%: an axis of +-1% rather than +-5E-9.
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeMinimumSize(values ? 1e-6 : 2.0);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
        }
        if (values) {
            // Metrics of different scales share the axis: each bar says its value.
            renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.####")));
            renderer.setDefaultItemLabelsVisible(true);
        }
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(14f));
        style(chart);
        return chart;
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
