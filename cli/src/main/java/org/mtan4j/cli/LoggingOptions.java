package org.mtan4j.cli;

import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --quiet}, {@code --verbose} and {@code --log-level}: declared once on {@code mtan} and inherited
 * by every command, so they may come before or after the command's name. slf4j-simple fixes a logger's
 * level when the logger is made, and classes make theirs as they load, so {@link Main#main} reads the
 * level from the arguments ({@link #levelIn}) before anything logs; picocli then parses the same options
 * for help, checks and {@link #quiet()}.
 */
final class LoggingOptions {

    /** The system property slf4j-simple reads its default level from. */
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    /** The levels slf4j-simple knows, quietest first. */
    enum Level { error, warn, info, debug, trace }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Warnings and errors only: no progress and no info messages (--log-level warn).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Debug messages too (--log-level debug).")
    boolean verbose;

    @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "LEVEL",
            description = "error, warn, info (the default), debug or trace. DJL's own messages stay at warn.")
    Level level;

    /** The level asked for, or null for the default; more than one of the options is an error. */
    Level level() {
        int given = (quiet ? 1 : 0) + (verbose ? 1 : 0) + (level != null ? 1 : 0);
        if (given > 1) {
            throw new IllegalArgumentException("give one of --quiet, --verbose and --log-level");
        }
        return quiet ? Level.warn : verbose ? Level.debug : level;
    }

    /** Whether progress and info lines are to be left out. */
    boolean quiet() {
        Level l = level();
        return l != null && l.compareTo(Level.info) < 0;
    }

    /**
     * The level {@code args} ask for, read without picocli (before any class that logs is loaded); null
     * when they ask for none. Arguments after {@code --} are positional and not read.
     */
    static String levelIn(String[] args) {
        String found = null;
        for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
            String arg = args[i];
            if (arg.equals("-q") || arg.equals("--quiet")) {
                found = Level.warn.name();
            } else if (arg.equals("-v") || arg.equals("--verbose")) {
                found = Level.debug.name();
            } else if (arg.equals("--log-level") && i + 1 < args.length) {
                found = known(args[i + 1]);
            } else if (arg.startsWith("--log-level=")) {
                found = known(arg.substring("--log-level=".length()));
            }
        }
        return found;
    }

    private static String known(String level) {
        for (Level l : Level.values()) {
            if (l.name().equals(level.toLowerCase(Locale.ROOT))) {
                return l.name();
            }
        }
        return null; // picocli refuses it with the allowed values
    }
}
