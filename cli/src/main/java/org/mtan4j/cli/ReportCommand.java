package org.mtan4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mtan4j.api.text.Suggestions;
import org.mtan4j.runtime.config.Yaml;
import org.mtan4j.runtime.report.ComparisonReport;
import org.mtan4j.runtime.report.MetricKey;
import org.mtan4j.runtime.report.Plots;
import org.mtan4j.runtime.report.RunRecord;
import org.mtan4j.runtime.report.RunSummary;
import org.mtan4j.runtime.report.Selection;
import org.mtan4j.runtime.run.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtan report}: compares run directories in the paper's table, as Markdown, CSV and a chart. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Compares run directories in one table (architecture, weighting, parameters, each validation metric, Delta_MTL): "
                + "the average of the last 10 epochs and the best validation epoch.",
            "Prints the Markdown and writes report.md, report.csv and comparison.png into --out."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories, in the order of the rows.")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "TASK=RUN_DIR",
            description = "The single-task run of a task, for Delta_MTL (repeatable); default: each run's report.baselines.")
    Map<String, Path> baselines = new LinkedHashMap<>();

    @Option(names = "--seeds", description = "One row per group of runs that differ only by seed: mean ± std.")
    boolean seeds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "report", showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
            description = "Folder for report.md, report.csv and comparison.png.")
    Path out;

    @Option(names = "--run-plots", description = "Also (re)draw each run's own charts into <run>/plots/.")
    boolean runPlots;

    @Override
    public Integer call() throws Exception {
        return BadInput.guard(spec.commandLine().getErr(), this::report);
    }

    private Integer report() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        List<RunRecord> records = new ArrayList<>();
        for (Path run : runs) {
            RunRecord record = read(run, "");
            if (!record.finished()) {
                spec.commandLine().getErr().println("mtan: warning: " + run + " has not finished (status "
                        + record.provenance().get("status") + "); its last epochs are used as they are");
            }
            records.add(record);
        }
        Map<String, Map<MetricKey, Double>> baselineValues = baselineValues(records);
        ComparisonReport report;
        try {
            report = ComparisonReport.build(records, baselines, seeds);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new BadInput(e.getMessage());
        }
        String markdown = report.markdown();
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve("report.md"), markdown);
        AtomicFiles.writeString(out.resolve("report.csv"), report.csv());
        Plots.comparison(out.resolve("comparison.png"), report, Selection.LAST_10, baselineValues);
        if (runPlots) {
            for (RunRecord record : records) {
                Plots.run(record);
            }
        }
        stdout.print(markdown);
        stdout.println("Written: " + out.resolve("report.md") + ", " + out.resolve("report.csv") + ", " + out.resolve("comparison.png"));
        return ExitCodes.OK;
    }

    /** The run in {@code dir}; a folder that is not a readable run directory is bad input. */
    private static RunRecord read(Path dir, String option) {
        try {
            return RunRecord.read(dir);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new BadInput(option + Yaml.withoutExceptionNames(e.getMessage()));
        }
    }

    /**
     * Each {@code --baseline}'s values under the last-10 selection; a task that no reported run has, or
     * that its baseline run lacks, is bad input (it would silently be left out of Delta_MTL).
     */
    private Map<String, Map<MetricKey, Double>> baselineValues(List<RunRecord> records) {
        Set<String> tasks = new LinkedHashSet<>();
        records.forEach(r -> tasks.addAll(r.tasks()));
        Map<String, Map<MetricKey, Double>> values = new LinkedHashMap<>();
        for (Map.Entry<String, Path> b : baselines.entrySet()) {
            String option = "--baseline " + b.getKey() + "=" + b.getValue() + ": ";
            if (!tasks.contains(b.getKey())) {
                throw new BadInput(option + "no run being reported has a task '" + b.getKey() + "'"
                        + Suggestions.hint(b.getKey(), tasks) + "; their tasks: " + String.join(", ", tasks));
            }
            RunRecord baseline = read(b.getValue(), option);
            if (!baseline.tasks().contains(b.getKey())) {
                throw new BadInput(option + "that run has no task '" + b.getKey() + "'; its tasks: " + String.join(", ", baseline.tasks()));
            }
            try {
                values.put(b.getKey(), RunSummary.of(baseline, Selection.LAST_10).task(b.getKey()));
            } catch (IllegalArgumentException e) {
                throw new BadInput(option + e.getMessage());
            }
        }
        return values;
    }
}
