package org.mtan4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        List<RunRecord> records = new ArrayList<>();
        for (Path run : runs) {
            RunRecord record = RunRecord.read(run);
            if (!record.finished()) {
                spec.commandLine().getErr().println("mtan: warning: " + run + " has not finished (status "
                        + record.provenance().get("status") + "); its last epochs are used as they are");
            }
            records.add(record);
        }
        ComparisonReport report = ComparisonReport.build(records, baselines, seeds);
        String markdown = report.markdown();
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve("report.md"), markdown);
        AtomicFiles.writeString(out.resolve("report.csv"), report.csv());
        Map<String, Map<MetricKey, Double>> baselineValues = new LinkedHashMap<>();
        for (Map.Entry<String, Path> b : baselines.entrySet()) {
            baselineValues.put(b.getKey(), RunSummary.of(RunRecord.read(b.getValue()), Selection.LAST_10).task(b.getKey()));
        }
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
}
