package org.mtan4j.runtime.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The folder of one run and the names of what it holds. */
public final class RunDirectory {

    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    /**
     * Prepares {@code root} for a new run. An existing, non-empty folder is refused unless
     * {@code force} is set, in which case its content is removed first.
     *
     * @throws AlreadyExists when the folder holds a run and {@code force} is not set
     */
    public static RunDirectory create(Path root, boolean force) {
        try {
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new IllegalStateException(root + " exists and is not a folder");
            }
            if (Files.isDirectory(root)) {
                boolean empty;
                try (Stream<Path> entries = Files.list(root)) {
                    empty = entries.findAny().isEmpty();
                }
                if (!empty && !force) {
                    throw new AlreadyExists("run directory " + root + " already exists and is not empty; "
                            + "continue it with `mtan train --resume " + root + "`, choose another --out or run name, or pass --force to "
                            + "replace it");
                }
                if (!empty) {
                    clear(root);
                }
            }
            Files.createDirectories(root.resolve("checkpoints"));
            return new RunDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare run directory " + root + ": " + e.getMessage(), e);
        }
    }

    /** Refusal to train into a run directory that holds a run (bad input, not a failure). */
    public static final class AlreadyExists extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        AlreadyExists(String message) {
            super(message);
        }
    }

    /** An existing run directory, for reading. */
    public static RunDirectory open(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is not a run directory (no such folder)");
        }
        return new RunDirectory(root);
    }

    private static void clear(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(root)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The folder. */
    public Path root() {
        return root;
    }

    /** The fully resolved configuration. */
    public Path config() {
        return root.resolve("config.yaml");
    }

    /** Versions, seed, devices, times. */
    public Path provenance() {
        return root.resolve("provenance.json");
    }

    /** One row per epoch, split, task and metric. */
    public Path metrics() {
        return root.resolve("metrics.csv");
    }

    /** The final tables. */
    public Path report() {
        return root.resolve("report.md");
    }

    /** The checkpoints folder. */
    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    /**
     * The model as it stood when the restart at {@code epoch} began ({@code training.restarts}), kept for
     * the tasks that restart skips: {@code checkpoints/restart-<epoch>.params}.
     */
    public Path restartCheckpoint(int epoch) {
        return checkpoints().resolve("restart-" + epoch + ".params");
    }
}
