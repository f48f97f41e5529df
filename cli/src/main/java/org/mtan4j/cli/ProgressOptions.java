package org.mtan4j.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --progress}, on the commands that train (a mixin). */
final class ProgressOptions {

    /** The choices of {@code --progress}. */
    enum Choice { auto, bar, lines, none }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--progress", paramLabel = "STYLE", defaultValue = "auto",
            description = "bar (redrawn in place, for a terminal), lines (a plain line per " + ProgressListener.LINE_EVERY_PERCENT
                    + "% of an epoch, for batch logs) or none; the epoch summaries come with bar and lines. "
                    + "Default auto: bar on a terminal, else lines; none with --quiet.")
    Choice progress = Choice.auto;

    /** The listener that shows the progress on the command's stderr. */
    ProgressListener listener() {
        boolean quiet = ((MtanCommand) command.root().userObject()).logging.quiet();
        ProgressListener.Style style = switch (progress) {
            case auto -> ProgressListener.Style.detect(quiet);
            case bar -> ProgressListener.Style.BAR;
            case lines -> ProgressListener.Style.LINES;
            case none -> ProgressListener.Style.NONE;
        };
        return new ProgressListener(command.commandLine().getErr(), style);
    }
}
