package org.mtan4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code mtan} in a JVM of its own, with this test's class path and its output in a file: what a batch
 * job sees (no terminal), and what only a fresh process shows (signals, logging set up at start).
 */
final class MtanProcess {

    /** How long a process may run before the test gives up on it. */
    static final Duration LIMIT = Duration.ofMinutes(10);

    private MtanProcess() {
    }

    /** Starts {@code mtan args}, stdout and stderr together into {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        return builder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Starts {@code mtan args}, stdout into {@code out} and stderr into {@code err}. */
    static Process start(Path out, Path err, String... args) throws IOException {
        return builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    private static ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Its exit code, after waiting at most {@link #LIMIT}. */
    static int waitFor(Process p) throws InterruptedException {
        if (!p.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("mtan did not finish within " + LIMIT);
        }
        return p.exitValue();
    }

    /** The text of {@code file}, or a note that there is none. */
    static String log(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(no output)";
    }
}
