package org.mtan4j.cli;

import java.io.PrintWriter;
import java.util.List;
import org.mtan4j.runtime.config.ConfigException;
import org.mtan4j.runtime.config.ConfigLoader;
import org.mtan4j.runtime.config.Yaml;
import org.mtan4j.runtime.engine.EngineSetupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Turns exceptions into one clear message and an exit code: configuration and engine set-up errors 2, the rest 1. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private final PrintWriter err;

    Failures(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        EngineSetupException engine = find(e, EngineSetupException.class);
        if (engine != null) {
            err.println("mtan: engine set-up: " + engine.getMessage());
            return ExitCodes.USAGE;
        }
        ConfigException config = find(e, ConfigException.class);
        if (config != null) {
            err.println("mtan: invalid configuration: " + blame(config, parseResult).getMessage());
            return ExitCodes.USAGE;
        }
        err.println("mtan: " + commandLine.getCommandName() + " failed: " + describe(e));
        LOG.debug("failure", e);
        return ExitCodes.FAILURE;
    }

    /**
     * {@code e} blamed on the command-line option that set the faulty value ({@code --set key=value},
     * {@code --device}) rather than on the YAML file, when one did.
     */
    static ConfigException blame(ConfigException e, CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult command = parseResult;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        if (command.hasMatchedOption("--device") && (e.keyPath().equals("device") || e.keyPath().startsWith("device["))) {
            return e.withSource("--device " + command.matchedOptionValue("--device", ""));
        }
        List<String> overrides = command.hasMatchedOption("--set") ? command.matchedOptionValue("--set", List.<String>of()) : List.of();
        return ConfigLoader.blame(e, overrides);
    }

    private static String describe(Throwable e) {
        // Guice wraps a plugin's failure in a report of its own: the plugin's exception says more.
        while ((e instanceof com.google.inject.ProvisionException || e instanceof com.google.inject.CreationException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && (message == null || !message.contains(cause.getMessage()))) {
            message = (message == null ? "" : message + ": ") + cause.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : Yaml.withoutExceptionNames(message);
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
