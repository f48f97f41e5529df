package org.mtan4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command. Without a command it is a usage error: the list of commands goes to stderr, exit 2. */
@Command(name = "mtan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Multi-task learning with attention (MTAN) on the JVM.",
        subcommands = {TrainCommand.class, ValidateCommand.class, PluginsCommand.class, DataCommand.class,
                ReportCommand.class, SweepCommand.class, ImportWeightsCommand.class, ExportWeightsCommand.class, PredictCommand.class,
                DecathlonEvalCommand.class, BenchCommand.class, DoctorCommand.class, CompletionCommand.class})
final class MtanCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), Main.MISSING_COMMAND);
    }
}
