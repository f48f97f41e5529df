package org.mtan4j.runtime.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The folder of one run and the names of what it holds. */
public final class RunDirectory {

    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    /**
     * Checks that {@code root} can take a new run, writing nothing: {@link #prepare} clears and creates it
     * once the run has started (engine, devices, data and model), so that a failed start leaves no folder
     * behind. An existing, non-empty folder is refused unless {@code force} is set or it holds only what a
     * failed start leaves (see {@link #isFailedStart}); either is replaced.
     *
     * @throws AlreadyExists when the folder holds a run and {@code force} is not set
     */
    public static RunDirectory create(Path root, boolean force) {
        try {
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new IllegalStateException(root + " exists and is not a folder");
            }
            if (Files.isDirectory(root) && !force && !isEmpty(root) && !isFailedStart(root)) {
                throw new AlreadyExists("run directory " + root + " already exists and is not empty; "
                        + "continue it with `mtan train --resume " + root + "`, choose another --out or run name, or pass --force to "
                        + "replace it");
            }
            return new RunDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run directory " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Empties (a replaced run, a failed start) or creates the folder and its {@code checkpoints/}: called
     * when the run has started, just before its first file is written.
     */
    public void prepare() throws IOException {
        if (Files.isDirectory(root) && !isEmpty(root)) {
            clear(root);
        }
        Files.createDirectories(checkpoints());
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * Whether {@code root} holds what a start that failed leaves and nothing to continue from: no checkpoint
     * file, and either no file at all (only empty folders, as earlier versions left) or a
     * {@code provenance.json} whose status is {@value #FAILED}.
     */
    static boolean isFailedStart(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        if (files.stream().anyMatch(f -> f.startsWith(root.resolve("checkpoints")))) {
            return false;
        }
        Path provenance = root.resolve("provenance.json");
        if (files.isEmpty()) {
            return true;
        }
        if (!Files.isRegularFile(provenance)) {
            return false;
        }
        try {
            return FAILED.equals(org.mtan4j.runtime.config.Yaml.json().readTree(provenance.toFile()).path("status").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** The {@code provenance.json} status of a run that stopped on an error. */
    public static final String FAILED = "failed";

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
