package org.mtan4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mtan4j.api.text.Suggestions;
import org.mtan4j.runtime.Engines;
import picocli.CommandLine;

/**
 * Entry point of {@code mtan}. Third-party plugin jars are found without touching the class path:
 * every jar beside {@code mtan.jar}, in its {@code plugins/} folder, and on the system property
 * {@code mtan.plugin.path} (jars or folders of jars, separated by the path separator).
 */
public final class Main {

    /** How the usage error of a command that needs a command (mtan, mtan data) begins. */
    static final String MISSING_COMMAND = "missing a command";

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        // Before any class that logs is loaded: slf4j-simple fixes each logger's level when it is made.
        String level = LoggingOptions.levelIn(args);
        if (level != null) {
            System.setProperty(LoggingOptions.LEVEL_PROPERTY, level);
        }
        // Before anything can start DJL's engine: it must never reach the network.
        Engines.markOffline();
        // Charts (mtan report, run plots) are drawn without a display: servers and cluster nodes have none.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line without exiting: the exit code is returned (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Engines.markOffline();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Plugin discovery and Guice modules look in the context class loader.
        thread.setContextClassLoader(pluginLoader());
        try {
            return execute(args, out, err);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static int execute(String[] args, PrintWriter out, PrintWriter err) {
        MtanCommand mtan = new MtanCommand();
        CommandLine cli = new CommandLine(mtan);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new Failures(err));
        cli.setParameterExceptionHandler((e, a) -> usageError(e, err));
        cli.setExecutionStrategy(parsed -> {
            try {
                mtan.logging.level();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1), e.getMessage());
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli.execute(args);
    }

    /**
     * A usage error: one line saying what is wrong (with "did you mean" for a mistyped command or option),
     * then where help is; the whole list of commands when none was given. Exit code 2.
     */
    private static int usageError(CommandLine.ParameterException e, PrintWriter err) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String typed = unmatched.getUnmatched().get(0);
            if (typed.startsWith("-")) {
                List<String> options = new ArrayList<>();
                command.getCommandSpec().options().forEach(o -> options.addAll(List.of(o.names())));
                String bare = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
                message = "unknown option '" + typed + "'" + Suggestions.hint(bare, options);
            } else if (!command.getSubcommands().isEmpty()) {
                message = "unknown command '" + typed + "'" + Suggestions.hint(typed, command.getSubcommands().keySet())
                        + "; commands: " + String.join(", ", command.getSubcommands().keySet());
            }
        }
        err.println("mtan: " + message);
        if (message.startsWith(MISSING_COMMAND)) {
            command.usage(err);
        } else {
            err.println("See '" + name + " --help'.");
        }
        return ExitCodes.USAGE;
    }

    /** A class loader over the plugin jars found, or this class's loader when there are none. */
    static ClassLoader pluginLoader() {
        List<Path> places = new ArrayList<>();
        try {
            Path self = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(self)) {
                places.add(self.getParent());
                places.add(self.getParent().resolve("plugins"));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // Not run from a jar (tests, IDE): only the property applies.
        }
        String property = System.getProperty("mtan.plugin.path", "");
        for (String entry : property.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                places.add(Path.of(entry));
            }
        }
        List<URL> jars = new ArrayList<>();
        for (Path place : places) {
            jars.addAll(jarsIn(place));
        }
        return jars.isEmpty() ? Main.class.getClassLoader() : new URLClassLoader(jars.toArray(new URL[0]), Main.class.getClassLoader());
    }

    private static List<URL> jarsIn(Path place) {
        List<URL> jars = new ArrayList<>();
        try {
            if (Files.isRegularFile(place) && place.toString().endsWith(".jar")) {
                jars.add(place.toUri().toURL());
            } else if (Files.isDirectory(place)) {
                try (Stream<Path> files = Files.list(place)) {
                    for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                        if (!jar.getFileName().toString().equals("mtan.jar")) {
                            jars.add(jar.toUri().toURL());
                        }
                    }
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin jars in " + place + ": " + e.getMessage(), e);
        }
        return jars;
    }
}
