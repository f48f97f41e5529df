package org.mtan4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mtan4j.runtime.PluginRegistry;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunResolver;
import org.mtan4j.runtime.Runs;
import org.mtan4j.runtime.config.ConfigLoader;
import org.mtan4j.runtime.config.RunConfig;
import org.mtan4j.runtime.run.Report;
import org.mtan4j.runtime.run.RunDirectory;
import org.mtan4j.runtime.training.Checkpoints;
import org.mtan4j.runtime.training.StopRequest;
import org.mtan4j.runtime.training.TrainingStopped;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtan train}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a run described by a YAML file (without one: the bundled demo on synthetic data) "
                + "and writes its run directory; or continues an interrupted run (--resume). Ctrl-C or SIGTERM "
                + "writes a checkpoint before exiting.")
final class TrainCommand implements Callable<Integer> {

    /** How long a signal waits for the current step to end and its checkpoint to be written. */
    private static final Duration STOP_GRACE = Duration.ofMinutes(10);

    /** The exit code after a stop on request (128 + SIGINT, as a shell reports Ctrl-C). */
    static final int STOPPED = 130;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "The run's YAML file; absent: the bundled demo.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides a configuration value, e.g. training.epochs=3 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--device", paramLabel = "DEVICE", description = "cpu, gpu, gpu:N, or a comma-separated list of GPUs; overrides `device`.")
    String device;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder of run directories; overrides `output`.")
    Path out;

    @Option(names = "--force", description = "Replace an existing run directory of the same name.")
    boolean force;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue the run in RUN_DIR from its newest readable "
            + "checkpoint, under its config.yaml (with --set/--device overrides).")
    Path resume;

    @Option(names = "--accept-config-change", description = "With --resume: continue even though the configuration differs "
            + "from the checkpoint's (e.g. a lower learning rate); the changes are listed and recorded in provenance.json.")
    boolean acceptConfigChange;

    @picocli.CommandLine.Mixin
    ProgressOptions progress;

    @Override
    public Integer call() throws Exception {
        return BadInput.guard(spec.commandLine().getErr(), this::train);
    }

    private Integer train() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<String> all = new ArrayList<>(overrides);
        if (device != null) {
            all.add("device=[" + device + "]");
        }
        if (resume != null) {
            return resume(all, stdout, stderr);
        }
        if (acceptConfigChange) {
            throw new BadInput("--accept-config-change goes with --resume RUN_DIR");
        }
        if (out != null) {
            all.add("output=" + out);
        }
        RunConfig runConfig = ConfigSource.load(config, all);
        ResolvedRun run = new RunResolver(PluginRegistry.discover()).resolve(runConfig, ConfigSource.name(config));
        Path root = Path.of(run.config().output());
        Path directory = root.resolve(run.config().name());
        StopRequest stop = new StopRequest();
        return whileStoppable(stop, directory, stderr, () -> {
            Runs.Outcome outcome;
            try {
                outcome = Runs.train(run, root, force, List.of(progress.listener()), stop);
            } catch (RunDirectory.AlreadyExists e) {
                throw new BadInput(e.getMessage());
            }
            printResult(outcome, stdout);
            return ExitCodes.OK;
        });
    }

    private Integer resume(List<String> all, PrintWriter stdout, PrintWriter stderr) {
        if (config != null || force || out != null) {
            throw new BadInput("--resume " + resume + " continues that run under its own config.yaml: give no CONFIG, --force "
                    + "or --out with it (change values with --set and --accept-config-change)");
        }
        Runs.ResumePoint point;
        try {
            point = Runs.resumePoint(resume);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        for (String skipped : point.skipped()) {
            stderr.println("mtan: warning: passing over the unreadable checkpoint " + skipped);
        }
        Path configFile = point.directory().config();
        RunConfig runConfig = ConfigLoader.load(configFile, all);
        ResolvedRun run = new RunResolver(PluginRegistry.discover()).resolve(runConfig, configFile.toString());
        List<String> changes = Runs.configChanges(point.config(), run.config());
        if (!changes.isEmpty() && !acceptConfigChange) {
            throw new BadInput("the configuration differs from the one checkpoint " + point.checkpoint().file() + " was written under: "
                    + String.join("; ", changes) + ". Pass --accept-config-change to continue with the new values.");
        }
        changes.forEach(c -> stderr.println("mtan: continuing with a changed configuration: " + c));
        stderr.println("mtan: resuming " + resume + " from " + point.checkpoint().file().getFileName() + " ("
                + point.checkpoint().state().position() + ")");
        StopRequest stop = new StopRequest();
        return whileStoppable(stop, resume, stderr, () -> {
            Runs.Outcome outcome;
            try {
                outcome = Runs.resume(run, point, List.of(progress.listener()), stop);
            } catch (Checkpoints.WrongModel e) {
                throw new BadInput(e.getMessage());
            }
            printResult(outcome, stdout);
            return ExitCodes.OK;
        });
    }

    private static void printResult(Runs.Outcome outcome, PrintWriter stdout) {
        stdout.println();
        stdout.println(Report.metricsTable(outcome.result()));
        stdout.println("Run directory: " + outcome.directory().root().toAbsolutePath());
    }

    /**
     * Runs {@code training} with a shutdown hook (Ctrl-C, SIGTERM) that asks it to checkpoint and stop,
     * waits for that, and says how to resume.
     */
    private static Integer whileStoppable(StopRequest stop, Path directory, PrintWriter stderr, Callable<Integer> training) {
        String hint = "resume with: mtan train --resume " + directory;
        Thread hook = new Thread(() -> {
            stop.request();
            try {
                Optional<String> answer = stop.await(STOP_GRACE);
                if (answer.isEmpty()) {
                    stderr.println("mtan: no checkpoint within " + STOP_GRACE.toMinutes() + " minutes of the signal; the newest "
                            + "checkpoint in " + directory.resolve("checkpoints") + " is the one to " + hint);
                } else if (answer.get().startsWith("training stopped")) {
                    stderr.println("mtan: " + answer.get() + "; " + hint);
                } else if (!answer.get().equals("training had finished")) {
                    stderr.println("mtan: " + answer.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stderr.flush();
        }, "mtan-stop-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return training.call();
        } catch (TrainingStopped e) {
            // Stopped by the hook: the JVM is exiting, the hook prints the hint.
            return STOPPED;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running (a signal came): it stays to report.
            }
        }
    }
}
