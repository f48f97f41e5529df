package org.mtan4j.cli;

import picocli.CommandLine.Command;

/** The top-level command. */
@Command(name = "mtan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Multi-task learning with attention (MTAN) on the JVM.",
        subcommands = {TrainCommand.class, ValidateCommand.class, PluginsCommand.class, DataCommand.class,
                ReportCommand.class, SweepCommand.class, ImportWeightsCommand.class, ExportWeightsCommand.class, PredictCommand.class, DecathlonEvalCommand.class, BenchCommand.class, DoctorCommand.class})
final class MtanCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
