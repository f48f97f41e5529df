package org.mtan4j.runtime.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.mtan4j.api.MetricAveraging;
import org.mtan4j.runtime.config.PluginRef;
import org.mtan4j.runtime.config.RunConfig;
import org.mtan4j.runtime.config.TaskConfig;
import org.mtan4j.runtime.config.Yaml;
import org.mtan4j.runtime.run.Report;

/**
 * Compares runs in the paper's layout: one row per run (or per group of runs that differ only by seed),
 * with architecture, weighting, parameter count, every validation metric and, when single-task
 * baselines are known, Delta_MTL; once per {@link Selection}.
 *
 * <p>Grouped rows show {@code mean ± std} over the group's runs (sample standard deviation, n - 1;
 * a group of one shows the value alone). Delta_MTL is computed per run against its baselines and then
 * averaged like any other column. A run's baselines are the ones passed in, else the
 * {@code report.baselines} of its own {@code config.yaml}; the baselines' values use the same
 * selection as the row.
 */
public final class ComparisonReport {

    /** A value over a group: mean, sample std (NaN for one run), count. */
    public record Stat(double mean, double std, int n) {

        static Stat of(List<Double> values) {
            int n = values.size();
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            return new Stat(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN, n);
        }

        /** {@code mean ± std}, or the mean alone for one run. */
        public String format() {
            return n > 1 ? Report.format(mean) + " ± " + Report.format(std) : Report.format(mean);
        }
    }

    /**
     * One row of a table.
     *
     * @param label the run's name, or the group's names joined by {@code +}
     * @param runs the runs averaged
     * @param architecture the backbone, with its variant where it has one
     * @param weighting the weighting, with its options where it has any
     * @param parameters the trainable parameters (from the provenance)
     * @param epochs the epochs used, as text ({@code 191-200}, {@code 57})
     * @param values each metric over the group
     * @param delta Delta_MTL over the group, or null without baselines
     * @param deltaProblem why Delta_MTL is missing, or null
     */
    public record Row(String label, List<RunRecord> runs, String architecture, String weighting, long parameters, String epochs,
            Map<MetricKey, Stat> values, Stat delta, String deltaProblem) {
    }

    private final Map<Selection, List<Row>> tables;
    private final List<MetricKey> columns;
    private final List<String> notes;
    private final boolean grouped;

    private ComparisonReport(Map<Selection, List<Row>> tables, List<MetricKey> columns, List<String> notes, boolean grouped) {
        this.tables = tables;
        this.columns = columns;
        this.notes = notes;
        this.grouped = grouped;
    }

    /**
     * Builds the comparison.
     *
     * @param runs the runs, in the order rows should appear
     * @param baselines task to baseline run directory; empty: each run's {@code report.baselines}
     * @param groupSeeds whether runs whose configs differ only by seed (and name and output) share a row
     * @throws IllegalArgumentException when a run or a baseline cannot be read or summarised
     */
    public static ComparisonReport build(List<RunRecord> runs, Map<String, Path> baselines, boolean groupSeeds) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no run to report");
        }
        Map<Path, RunRecord> cache = new LinkedHashMap<>();
        Function<Path, RunRecord> reader = p -> cache.computeIfAbsent(p.toAbsolutePath().normalize(), RunRecord::read);
        List<List<RunRecord>> groups = groupSeeds ? groupBySeed(runs) : runs.stream().map(List::of).toList();
        Map<Selection, List<Row>> tables = new LinkedHashMap<>();
        Set<MetricKey> columns = new LinkedHashSet<>();
        for (Selection selection : Selection.values()) {
            List<Row> rows = new ArrayList<>();
            for (List<RunRecord> group : groups) {
                rows.add(row(group, selection, baselines, reader));
            }
            rows.forEach(r -> columns.addAll(r.values().keySet()));
            tables.put(selection, rows);
        }
        return new ComparisonReport(tables, List.copyOf(columns), formulaNotes(runs), groupSeeds);
    }

    private static Row row(List<RunRecord> group, Selection selection, Map<String, Path> cliBaselines, Function<Path, RunRecord> reader) {
        Map<MetricKey, List<Double>> values = new LinkedHashMap<>();
        List<Double> deltas = new ArrayList<>();
        String deltaProblem = null;
        Set<Integer> epochs = new TreeSet<>();
        for (RunRecord run : group) {
            RunSummary summary = RunSummary.of(run, selection);
            epochs.addAll(summary.epochs());
            summary.values().forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            Map<String, Path> baselinePaths = new LinkedHashMap<>();
            if (cliBaselines.isEmpty()) {
                run.config().report().baselines().forEach((task, dir) -> baselinePaths.put(task, Path.of(dir)));
            } else {
                baselinePaths.putAll(cliBaselines);
            }
            if (baselinePaths.isEmpty()) {
                deltaProblem = "no baselines";
                continue;
            }
            Map<String, Map<MetricKey, Double>> baselineValues = new LinkedHashMap<>();
            baselinePaths.forEach((task, dir) -> baselineValues.put(task, RunSummary.of(reader.apply(dir), selection).task(task)));
            try {
                deltas.add(DeltaMtl.compute(summary.values(), baselineValues).overall());
            } catch (IllegalArgumentException e) {
                deltaProblem = e.getMessage();
            }
        }
        Map<MetricKey, Stat> stats = new LinkedHashMap<>();
        values.forEach((k, v) -> stats.put(k, Stat.of(v)));
        RunRecord first = group.get(0);
        String label = String.join(" + ", group.stream().map(RunRecord::name).toList());
        Stat delta = deltaProblem == null && !deltas.isEmpty() ? Stat.of(deltas) : null;
        return new Row(label, group, architecture(first.config()), weighting(first.config()), first.parameters(), ranges(epochs),
                stats, delta, deltaProblem);
    }

    /** Groups runs whose resolved configs are equal once name, seed, output and report are removed; first-seen order. */
    static List<List<RunRecord>> groupBySeed(List<RunRecord> runs) {
        Map<String, List<RunRecord>> groups = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            ObjectNode tree = Yaml.mapper().valueToTree(run.config());
            for (String key : List.of("name", "seed", "output", "report")) {
                tree.remove(key);
            }
            groups.computeIfAbsent(tree.toString(), k -> new ArrayList<>()).add(run);
        }
        return List.copyOf(groups.values());
    }

    /** The backbone's name, with a {@code variant} option when it has one (split standard / deep / wide). */
    static String architecture(RunConfig config) {
        PluginRef backbone = config.backbone();
        Object variant = backbone.options().get("variant");
        return variant == null ? backbone.name() : backbone.name() + " " + variant;
    }

    /** The weighting's name, with its options ({@code dwa temperature=2.0}). */
    static String weighting(RunConfig config) {
        PluginRef w = config.weighting();
        StringBuilder out = new StringBuilder(w.name());
        w.options().forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
        return out.toString();
    }

    /** Which mIoU formula, averaging and median each run's metrics used, from their resolved options; one line per distinct setting. */
    static List<String> formulaNotes(List<RunRecord> runs) {
        Set<String> notes = new LinkedHashSet<>();
        for (RunRecord run : runs) {
            for (Map.Entry<String, TaskConfig> task : run.config().tasks().entrySet()) {
                List<PluginRef> metrics = task.getValue() == null || task.getValue().metrics() == null ? List.of() : task.getValue().metrics();
                for (PluginRef metric : metrics) {
                    notes.add(formulaNote(task.getKey(), metric));
                }
            }
        }
        notes.remove(null);
        return List.copyOf(notes);
    }

    /**
     * One line saying how a metric's values were formed (the mIoU formula, the averaging: pooled or per
     * batch, the median), or null for metrics without a choice. A run recorded before a metric had its
     * {@code averaging} option was pooled.
     */
    public static String formulaNote(String task, PluginRef metric) {
        Map<String, Object> options = metric.options();
        boolean perBatch = MetricAveraging.PER_BATCH.equals(options.get(MetricAveraging.OPTION));
        String batchMean = "per batch, then averaged over the batches (the paper's code)";
        return switch (metric.name()) {
            case "confusion-matrix" -> task + ": mIoU and pixel accuracy " + ("per-image".equals(options.get("formula"))
                    ? "per image (mIoU over the classes present), then averaged over images (the paper's original code)"
                    : "from one confusion matrix accumulated over the whole split");
            case "normal-angle" -> task + (perBatch ? ": angle mean, median and within-t fractions " + batchMean
                    : ": angle mean and within-t fractions over all valid pixels of the split; angle median "
                            + ("per-batch".equals(options.get("median"))
                                    ? "the mean of per-batch medians (the paper's code)" : "the exact median over all valid pixels"));
            case "depth-error" -> task + ": abs-error and rel-error " + (perBatch ? batchMean : "over all valid pixels of the split");
            case "top1" -> task + ": accuracy " + (perBatch ? batchMean : "over all samples of the split");
            default -> options.containsKey(MetricAveraging.OPTION)
                    ? task + ": " + metric.name() + " " + (perBatch ? batchMean : "pooled over the split") : null;
        };
    }

    private static String ranges(Set<Integer> epochs) {
        if (epochs.isEmpty()) {
            return "";
        }
        int lo = epochs.iterator().next();
        int hi = lo;
        for (int e : epochs) {
            hi = Math.max(hi, e);
        }
        return lo == hi ? String.valueOf(lo) : (epochs.size() == hi - lo + 1 ? lo + "-" + hi : epochs.toString());
    }

    /** The rows of one table. */
    public List<Row> rows(Selection selection) {
        return tables.get(selection);
    }

    /** Every metric column, in first-seen order. */
    public List<MetricKey> columns() {
        return columns;
    }

    /** The formula lines. */
    public List<String> notes() {
        return notes;
    }

    /** The report in Markdown: one section per selection, the formulas, the Delta_MTL rule. */
    public String markdown() {
        StringBuilder out = new StringBuilder("# Comparison\n\n");
        out.append(grouped ? "Runs that differ only by seed share a row: mean ± sample std over the seeds.\n\n" : "One row per run.\n\n");
        if (!notes.isEmpty()) {
            out.append("Metric formulas:\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
            out.append('\n');
        }
        out.append("Delta_MTL (Maninis et al. 2019): per metric (M - B) / B, negated where lower is better, averaged within a task, "
                + "then over tasks; B from the single-task baseline runs, with the same epoch selection. In percent.\n\n");
        for (Selection selection : Selection.values()) {
            out.append("## ").append(capitalise(selection.label())).append("\n\n");
            out.append("| run | architecture | weighting | parameters | epochs |");
            columns.forEach(c -> out.append(' ').append(c.label()).append(" |"));
            out.append(" Delta_MTL |\n|---|---|---|---:|---|");
            columns.forEach(c -> out.append("---:|"));
            out.append("---:|\n");
            for (Row row : rows(selection)) {
                out.append("| ").append(row.label()).append(" | ").append(row.architecture()).append(" | ").append(row.weighting())
                        .append(" | ").append(row.parameters() < 0 ? "?" : String.format(Locale.ROOT, "%,d", row.parameters()))
                        .append(" | ").append(row.epochs()).append(" |");
                for (MetricKey c : columns) {
                    Stat s = row.values().get(c);
                    out.append(' ').append(s == null ? "" : s.format()).append(" |");
                }
                out.append(' ').append(row.delta() == null ? "–" : percent(row.delta())).append(" |\n");
            }
            List<String> problems = rows(selection).stream().filter(r -> r.deltaProblem() != null && !r.deltaProblem().equals("no baselines"))
                    .map(r -> r.label() + ": " + r.deltaProblem()).distinct().toList();
            if (!problems.isEmpty()) {
                out.append('\n');
                problems.forEach(p -> out.append("- Delta_MTL not computed for ").append(p).append('\n'));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The report as CSV: one line per selection and row; columns {@code selection, run, runs, architecture,
     * weighting, parameters, epochs}, then per metric {@code <task>/<metric>} and {@code <task>/<metric>/std},
     * then {@code delta-mtl} and {@code delta-mtl/std} (fractions). Empty cells are unknown values.
     */
    public String csv() {
        StringBuilder out = new StringBuilder("selection,run,runs,architecture,weighting,parameters,epochs");
        columns.forEach(c -> out.append(',').append(c.task()).append('/').append(c.metric()).append(',')
                .append(c.task()).append('/').append(c.metric()).append("/std"));
        out.append(",delta-mtl,delta-mtl/std\n");
        for (Selection selection : Selection.values()) {
            for (Row row : rows(selection)) {
                out.append(selection.name().toLowerCase(Locale.ROOT).replace('_', '-')).append(',').append(csvText(row.label()))
                        .append(',').append(row.runs().size()).append(',').append(csvText(row.architecture())).append(',')
                        .append(csvText(row.weighting())).append(',').append(row.parameters()).append(',').append(csvText(row.epochs()));
                for (MetricKey c : columns) {
                    Stat s = row.values().get(c);
                    out.append(',').append(s == null ? "" : s.mean()).append(',').append(s == null || s.n() < 2 ? "" : s.std());
                }
                out.append(',').append(row.delta() == null ? "" : row.delta().mean()).append(',')
                        .append(row.delta() == null || row.delta().n() < 2 ? "" : row.delta().std()).append('\n');
            }
        }
        return out.toString();
    }

    private static String percent(Stat s) {
        String mean = String.format(Locale.ROOT, "%+.2f%%", 100 * s.mean());
        return s.n() > 1 ? mean + " ± " + String.format(Locale.ROOT, "%.2f%%", 100 * s.std()) : mean;
    }

    private static String csvText(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
