package org.mtan4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtan4j.runtime.PluginRegistry;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunResolver;
import org.mtan4j.runtime.Runs;
import org.mtan4j.runtime.config.RunConfig;
import org.mtan4j.runtime.run.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtan train}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a run described by a YAML file (without one: the bundled demo on synthetic data) "
                + "and writes its run directory.")
final class TrainCommand implements Callable<Integer> {

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

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        List<String> all = new ArrayList<>(overrides);
        if (device != null) {
            all.add("device=[" + device + "]");
        }
        if (out != null) {
            all.add("output=" + out);
        }
        RunConfig runConfig = ConfigSource.load(config, all);
        ResolvedRun run = new RunResolver(PluginRegistry.discover()).resolve(runConfig, ConfigSource.name(config));
        Path root = Path.of(run.config().output());
        Runs.Outcome outcome = Runs.train(run, root, force, List.of(new ProgressListener(spec.commandLine().getErr())));
        stdout.println();
        stdout.println(Report.metricsTable(outcome.result()));
        stdout.println("Run directory: " + outcome.directory().root().toAbsolutePath());
        return ExitCodes.OK;
    }
}
