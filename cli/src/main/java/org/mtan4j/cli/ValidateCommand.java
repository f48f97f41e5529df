package org.mtan4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtan4j.runtime.PluginRegistry;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtan validate}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a run's YAML against the plugins found, without training; exit 2 names the key at fault.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The run's YAML file.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides a configuration value (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--no-data", description = "Check without the data: the dataset's tasks and image size come from what its "
            + "provider declares for the options (folders are not read). Datasets that declare nothing are still opened.")
    boolean noData;

    @Override
    public Integer call() {
        ResolvedRun run = new RunResolver(PluginRegistry.discover()).resolve(ConfigSource.load(config, overrides), config.toString(), !noData);
        long[] image = run.imageShape();
        spec.commandLine().getOut().printf("%s: valid. dataset %s (%dx%d), tasks %s, backbone %s, weighting %s, %d epochs%n",
                config, String.join(" + ", run.config().datasets().stream().map(d -> d.name()).toList()), image[1], image[2],
                String.join(", ", run.tasks().stream().map(t -> t.name()).toList()),
                run.config().backbone().name(), run.config().weighting().name(), run.config().training().epochs());
        if (noData) {
            spec.commandLine().getOut().println("(data not read: --no-data)");
        }
        return ExitCodes.OK;
    }
}
