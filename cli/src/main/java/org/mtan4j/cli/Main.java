package org.mtan4j.cli;

import java.io.PrintWriter;
import org.mtan4j.runtime.Engines;
import picocli.CommandLine;

/** Entry point of {@code mtan}. */
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        // Before anything can start DJL's engine: it must never reach the network.
        Engines.markOffline();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line without exiting: the exit code is returned (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Engines.markOffline();
        CommandLine cli = new CommandLine(new MtanCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new Failures(err));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("mtan: " + e.getMessage());
            e.getCommandLine().usage(err);
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }
}
