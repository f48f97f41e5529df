package org.mtan4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtan4j.runtime.Devices;
import org.mtan4j.runtime.Engines;
import org.mtan4j.runtime.PluginRegistry;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunResolver;
import org.mtan4j.runtime.Runs;
import org.mtan4j.runtime.config.ConfigLoader;
import org.mtan4j.runtime.report.RunRecord;
import org.mtan4j.runtime.sweep.Sweep;
import org.mtan4j.runtime.sweep.SweepConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtan sweep}: a base config times a grid, planned and (unless --plan) trained one run after another. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Expands a sweep file (base config + grid) into one resolved config per run, with manifest.csv and configs.txt, "
                + "then trains the runs one after another, skipping those whose provenance.json says finished (so it can be restarted).",
            "With --plan it only writes the configs, for a cluster scheduler to run `mtan train CONFIG` per line of configs.txt."})
final class SweepCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SweepCommand.class);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "The sweep's YAML file.")
    Path file;

    @Option(names = "--plan", description = "Only write the configs and the manifest; train nothing.")
    boolean planOnly;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder of sweep folders; overrides the sweep's `output`.")
    Path out;

    @picocli.CommandLine.Mixin
    ProgressOptions progress;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        SweepConfig sweep = Sweep.load(file);
        String baseYaml;
        String baseSource;
        if (sweep.base().equals("demo")) {
            baseYaml = ConfigSource.demoYaml();
            baseSource = ConfigSource.DEMO;
        } else {
            Path base = file.toAbsolutePath().getParent().resolve(sweep.base()).normalize();
            if (!Files.isRegularFile(base)) {
                throw new org.mtan4j.runtime.config.ConfigException(file.toString(), "base", base + ": no such file");
            }
            baseYaml = Files.readString(base);
            baseSource = base.toString();
        }
        Path root = (out != null ? out : Path.of(sweep.output())).resolve(sweep.name());
        RunResolver resolver = new RunResolver(PluginRegistry.discover());
        // Training runs need the engine: a bad engine variable or a GPU it does not see stops the sweep before it writes.
        List<Sweep.PlannedRun> runs = Sweep.plan(sweep, baseYaml, baseSource, root, resolver, planOnly ? run -> { }
                : run -> Devices.resolve(run.config().device(), Engines.startOffline(run.config().training().threads()), "run " + run.config().name()));
        stdout.printf("Sweep %s: %d runs planned in %s (manifest.csv, configs.txt)%n", sweep.name(), runs.size(), root);
        if (planOnly) {
            return ExitCodes.OK;
        }
        List<String> summary = new ArrayList<>();
        for (Sweep.PlannedRun run : runs) {
            if (RunRecord.isFinished(run.runDirectory())) {
                stdout.printf("[%d/%d] %s: finished before, skipped%n", run.index() + 1, runs.size(), run.name());
                summary.add(run.name() + " skipped");
                continue;
            }
            // A folder without a finished provenance is what a killed run leaves: it is replaced.
            boolean partial = Files.exists(run.runDirectory());
            if (partial) {
                LOG.info("{} was interrupted before; training it again", run.runDirectory());
            }
            stdout.printf("[%d/%d] %s: training%s%n", run.index() + 1, runs.size(), run.name(), partial ? " (replacing an unfinished run)" : "");
            stdout.flush();
            ResolvedRun resolved = resolver.resolve(ConfigLoader.load(run.config(), List.of()), run.config().toString());
            Runs.train(resolved, run.runDirectory().getParent(), true, List.of(progress.listener()));
            summary.add(run.name() + " trained");
        }
        stdout.println("Sweep " + sweep.name() + " done: " + String.join(", ", summary));
        stdout.println("Compare: mtan report --seeds " + root.resolve("runs") + "/*");
        return ExitCodes.OK;
    }
}
