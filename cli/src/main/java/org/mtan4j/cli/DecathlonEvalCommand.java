package org.mtan4j.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.io.RegularFiles;
import org.mtan4j.datasets.decathlon.DecathlonOptions;
import org.mtan4j.runtime.Devices;
import org.mtan4j.runtime.Engines;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.config.RestartConfig;
import org.mtan4j.runtime.config.TrainingConfig;
import org.mtan4j.runtime.predict.PerTaskAdaptation;
import org.mtan4j.runtime.predict.PerTaskAdaptation.Adapted;
import org.mtan4j.runtime.predict.PerTaskAdaptation.Start;
import org.mtan4j.runtime.predict.SplitClassifier;
import org.mtan4j.runtime.run.AtomicFiles;
import org.mtan4j.runtime.run.RunDirectory;
import org.mtan4j.runtime.training.TaskSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtan decathlon-eval}: the paper's Visual Decathlon test protocol. */
@Command(name = "decathlon-eval", mixinStandardHelpOptions = true,
        description = {"The Visual Decathlon test protocol of the paper's evaluation script (visual_decathlon/model_wrn_eval.py):"
                + " per domain, one more epoch on its training split and one on its validation split, so that the shared"
                + " BatchNorm statistics are that domain's, then its test split classified into the challenge's results file"
                + " (as predict --decathlon-results writes it).",
            "A domain a restart skips starts from checkpoints/restart-<epoch>.params (the weights that restart began with;"
                + " the paper's imagenet12), the others from checkpoints/last.params. Domains with the same start are adapted one"
                + " after the other in task order with one optimiser (the run's), at the rate the run's schedule would have"
                + " continued at (the paper: imagenet12 0.1 x 0.5^6, the others 0.01 x 0.5^2). The run's checkpoints are only read.",
            "Writes RESULTS.json and, beside it, <stem>.adaptation.csv: each domain's validation loss and metrics before"
                + " and after its adaptation (task,weights,learning-rate,steps,metric,before,after)."})
final class DecathlonEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run directory of a training run over decathlon domains.")
    Path runDir;

    @Option(names = "--out", required = true, paramLabel = "RESULTS.json", description = "The results file to write (replaced).")
    Path out;

    @Option(names = "--from-restart", split = ",", paramLabel = "TASK", description = "The domains that start from a restart's"
            + " weights (comma-separated), each from the restart that skips it, else the first; 'none' for no domain."
            + " Default: the domains the run's restarts skip.")
    List<String> fromRestart;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides a value of the run's configuration (repeatable),"
            + " e.g. 'dataset[*].options.root=DIR' when the data moved.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--device", paramLabel = "DEVICE", description = "cpu (default), gpu or gpu:N.")
    String device = "cpu";

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        return BadInput.guard(spec.commandLine().getErr(), () -> {
            ResolvedRun run = ModelSource.resolveRunDirectory(runDir, overrides, true);
            List<DecathlonOptions> domains = DecathlonSubmission.domains(run, "decathlon-eval");
            List<Start> starts = starts(run, RunDirectory.open(runDir), fromRestart);
            if (Files.isDirectory(out)) {
                throw new BadInput(out + ": is a folder; --out names the results file");
            }
            Path table = adaptationTable(out);
            Engine engine = Engines.startOffline(run.config().training().threads());
            Device chosen = Devices.resolve(List.of(device), engine, "--device")[0];
            List<MultiTaskDataset> datasets = new ArrayList<>();
            try {
                for (int d = 0; d < domains.size(); d++) {
                    datasets.add(DecathlonSubmission.open(run, d, domains.get(d)));
                }
                try {
                    // Before hours of adaptation: a place the files cannot go fails now.
                    Files.createDirectories(out.toAbsolutePath().getParent());
                } catch (IOException e) {
                    throw new BadInput(out + ": cannot create its folder (" + e.getMessage() + ")");
                }
                DecathlonSubmission submission = new DecathlonSubmission();
                List<Adapted> adapted = PerTaskAdaptation.run(run, datasets, starts, chosen, (task, model) -> {
                    int d = run.taskSources().get(task).dataset();
                    submission.add(domains.get(d), SplitClassifier.classify(model, datasets.get(d), DecathlonSubmission.TEST, task,
                            run.config().training().evalBatchSize()));
                });
                submission.write(out, false, stdout);
                AtomicFiles.writeString(table, csv(run, adapted));
                adapted.forEach(a -> stdout.println(summary(run, a)));
                stdout.printf("Wrote each domain's validation metrics before and after its adaptation to %s.%n", table.toAbsolutePath());
            } finally {
                datasets.forEach(MultiTaskDataset::close);
            }
            return ExitCodes.OK;
        });
    }

    /**
     * Where each task starts: a task listed in {@code fromRestart} (default: every task a restart skips)
     * from the checkpoint of the restart that skips it, else of the first restart, at the rate the phase
     * before that restart would have continued at; every other task from {@code last.params} at the rate
     * the last phase would have continued at.
     *
     * @throws BadInput naming the task or the missing checkpoint
     */
    static List<Start> starts(ResolvedRun run, RunDirectory directory, List<String> fromRestart) {
        TrainingConfig training = run.config().training();
        List<RestartConfig> restarts = training.restartList();
        List<String> names = run.tasks().stream().map(TaskSpec::name).toList();
        Set<String> restarting = new LinkedHashSet<>();
        if (fromRestart == null) {
            restarts.forEach(r -> restarting.addAll(r.skipTasks()));
        } else if (!fromRestart.equals(List.of("none"))) {
            for (String task : fromRestart) {
                if (!names.contains(task)) {
                    throw new BadInput("--from-restart: '" + task + "' is not a task of the run; tasks: " + String.join(", ", names)
                            + " (or 'none')");
                }
                restarting.add(task);
            }
            if (restarts.isEmpty()) {
                throw new BadInput("--from-restart " + String.join(",", fromRestart) + ": the run has no restarts (training.restarts)");
            }
        }
        TaskSchedule schedule = new TaskSchedule(training, run.tasks());
        List<Start> starts = new ArrayList<>();
        for (String task : names) {
            Start start;
            if (restarting.contains(task)) {
                int epoch = restarts.stream().filter(r -> r.skipTasks().contains(task)).findFirst().orElse(restarts.get(0)).epoch();
                start = new Start(directory.restartCheckpoint(epoch), schedule.continuingLearningRate(epoch - 1));
            } else {
                start = new Start(directory.checkpoints().resolve("last.params"), schedule.continuingLearningRate(training.epochs() - 1));
            }
            String problem = RegularFiles.problem(start.checkpoint());
            if (problem != null) {
                throw new BadInput(start.checkpoint() + ": " + problem + "; task '" + task + "' starts from it (training writes"
                        + " last.params at its end and restart-<epoch>.params at each restart)");
            }
            starts.add(start);
        }
        return starts;
    }

    /** {@code results.json} to {@code results.adaptation.csv}, in the same folder. */
    static Path adaptationTable(Path results) {
        String name = results.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return results.resolveSibling(stem + ".adaptation.csv");
    }

    private static String csv(ResolvedRun run, List<Adapted> adapted) {
        StringBuilder csv = new StringBuilder("task,weights,learning-rate,steps,metric,before,after\n");
        for (Adapted a : adapted) {
            for (Map.Entry<String, Double> before : a.before().entrySet()) {
                csv.append(run.tasks().get(a.task()).name()).append(',').append(a.start().checkpoint().getFileName()).append(',')
                        .append(a.start().learningRate()).append(',').append(a.steps()).append(',').append(before.getKey()).append(',')
                        .append(before.getValue()).append(',').append(a.after().get(before.getKey())).append('\n');
            }
        }
        return csv.toString();
    }

    private static String summary(ResolvedRun run, Adapted a) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %d steps from %s at learning rate %.6g; validation",
                run.tasks().get(a.task()).name(), a.steps(), a.start().checkpoint().getFileName(), a.start().learningRate()));
        a.before().forEach((metric, before) -> line.append(String.format(Locale.ROOT, " %s %.4f -> %.4f", metric, before,
                a.after().get(metric))));
        return line.toString();
    }
}
