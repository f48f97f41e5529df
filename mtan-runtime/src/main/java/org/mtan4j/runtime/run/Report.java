package org.mtan4j.runtime.run;

import java.util.List;
import java.util.Locale;
import org.mtan4j.api.Direction;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.runtime.training.EpochEnd;
import org.mtan4j.runtime.training.RunEnd;

/** The final tables of a run, in Markdown: the last epoch's validation metrics beside the constant baselines. */
public final class Report {

    private Report() {
    }

    /** The metrics table: one row per task and metric, with the baseline and whether the model beats it. */
    public static String metricsTable(RunEnd end) {
        EpochEnd last = end.last();
        StringBuilder out = new StringBuilder();
        out.append("| task | metric | model (epoch ").append(last.epoch() + 1).append(") | constant baseline | better |\n");
        out.append("|---|---|---:|---:|:---:|\n");
        List<TaskSpec> tasks = last.tasks();
        for (int t = 0; t < tasks.size(); t++) {
            List<MetricValue> model = last.valMetrics().get(t);
            List<MetricValue> baseline = end.baselines().valMetrics().get(t);
            for (int i = 0; i < model.size(); i++) {
                MetricValue m = model.get(i);
                MetricValue b = i < baseline.size() ? baseline.get(i) : null;
                boolean better = b != null && beats(m, b);
                out.append("| ").append(tasks.get(t).name()).append(" | ").append(m.name())
                        .append(m.direction() == Direction.HIGHER_IS_BETTER ? " (higher is better)" : " (lower is better)")
                        .append(" | ").append(format(m.value()))
                        .append(" | ").append(b == null ? "" : format(b.value()))
                        .append(" | ").append(better ? "yes" : "no").append(" |\n");
            }
        }
        return out.toString();
    }

    /** Whether {@code model} is strictly better than {@code baseline} in {@code model}'s direction (same metric). */
    public static boolean beats(MetricValue model, MetricValue baseline) {
        return model.direction() == Direction.HIGHER_IS_BETTER ? model.value() > baseline.value() : model.value() < baseline.value();
    }

    /** The whole report, without notes on the metric formulas. */
    public static String markdown(String runName, String backbone, String weighting, long parameters, RunEnd end) {
        return markdown(runName, backbone, weighting, parameters, end, List.of());
    }

    /**
     * The whole report.
     *
     * @param formulas one line per task metric saying how its values were formed (which mIoU formula,
     *     pooled or per-batch averaging, which median); printed above the metrics table
     */
    public static String markdown(String runName, String backbone, String weighting, long parameters, RunEnd end, List<String> formulas) {
        EpochEnd last = end.last();
        StringBuilder out = new StringBuilder();
        out.append("# Run ").append(runName).append("\n\n");
        out.append("Backbone `").append(backbone).append("`, weighting `").append(weighting).append("`, ")
                .append(String.format(Locale.ROOT, "%,d", parameters)).append(" trainable parameters, ")
                .append(end.epochs().size()).append(" epochs.\n\n");
        out.append("## Validation metrics after the last epoch\n\n");
        for (String formula : formulas) {
            out.append("- ").append(formula).append('\n');
        }
        out.append(formulas.isEmpty() ? "" : "\n");
        out.append(metricsTable(end)).append('\n');
        out.append("## Constant baselines\n\n");
        out.append("Fitted on the training split, measured on the validation split with the same metrics:\n\n");
        for (int t = 0; t < last.tasks().size(); t++) {
            out.append("- ").append(last.tasks().get(t).name()).append(": ").append(end.baselines().descriptions().get(t)).append('\n');
        }
        out.append("\n## Losses per epoch\n\n| epoch | learning rate |");
        last.tasks().forEach(t -> out.append(" train ").append(t.name()).append(" |"));
        last.tasks().forEach(t -> out.append(" val ").append(t.name()).append(" |"));
        out.append("\n|---:|---:|");
        last.tasks().forEach(t -> out.append("---:|---:|"));
        out.append('\n');
        for (EpochEnd e : end.epochs()) {
            out.append("| ").append(e.epoch() + 1).append(" | ").append(format(e.learningRate())).append(" |");
            for (double v : e.trainLosses()) {
                out.append(' ').append(format(v)).append(" |");
            }
            for (double v : e.valLosses()) {
                out.append(' ').append(format(v)).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Four significant decimals, plain. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        double abs = Math.abs(value);
        return abs != 0 && (abs < 1e-3 || abs >= 1e6) ? String.format(Locale.ROOT, "%.4e", value) : String.format(Locale.ROOT, "%.4f", value);
    }
}
