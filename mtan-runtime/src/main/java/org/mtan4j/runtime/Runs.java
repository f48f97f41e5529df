package org.mtan4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtan4j.runtime.config.RunConfig;
import org.mtan4j.runtime.config.Yaml;
import org.mtan4j.runtime.run.RunDirectory;
import org.mtan4j.runtime.run.RunRecorder;
import org.mtan4j.runtime.training.Checkpoints;
import org.mtan4j.runtime.training.ManyToManyTrainer;
import org.mtan4j.runtime.training.MultiTaskTrainer;
import org.mtan4j.runtime.training.RunEnd;
import org.mtan4j.runtime.training.StopRequest;
import org.mtan4j.runtime.training.TrainingListener;
import org.mtan4j.runtime.training.TrainingStopped;

/** Runs a resolved configuration end to end into its run directory. */
public final class Runs {

    private Runs() {
    }

    /**
     * The outcome of a run.
     *
     * @param directory where it was written
     * @param result every epoch and the baselines
     */
    public record Outcome(RunDirectory directory, RunEnd result) {
    }

    /**
     * Trains {@code run} into {@code <outputRoot>/<name>}.
     *
     * @param outputRoot the folder of run directories (the config's {@code output} unless overridden)
     * @param force replace an existing run directory
     * @param listeners extra listeners (progress display), called after the recorder
     */
    public static Outcome train(ResolvedRun run, Path outputRoot, boolean force, List<TrainingListener> listeners) {
        return train(run, outputRoot, force, listeners, null);
    }

    /**
     * Trains {@code run} into {@code <outputRoot>/<name>}, stopping with a checkpoint when {@code stop} is
     * requested (see {@link MultiTaskTrainer#train(Checkpoints, Checkpoints.Checkpoint, StopRequest)}).
     */
    public static Outcome train(ResolvedRun run, Path outputRoot, boolean force, List<TrainingListener> listeners, StopRequest stop) {
        startEngine(run);
        RunDirectory directory = RunDirectory.create(outputRoot.resolve(run.config().name()), force);
        return execute(run, directory, null, listeners, stop);
    }

    /**
     * Starts the engine and checks the run's devices against it before anything is written: a bad engine
     * variable or a GPU the engine does not see must not leave a run directory behind.
     *
     * @throws org.mtan4j.runtime.engine.EngineSetupException for a bad engine variable
     * @throws org.mtan4j.runtime.config.ConfigException for a device the engine does not see
     */
    private static void startEngine(ResolvedRun run) {
        Devices.resolve(run.config().device(), Engines.startOffline(run.config().training().threads()), null);
    }

    /**
     * A run directory's newest readable checkpoint, for {@link #resume}.
     *
     * @param directory the run directory
     * @param checkpoint the newest checkpoint that reads completely
     * @param skipped newer checkpoint files that could not be read, each with the reason
     */
    public record ResumePoint(RunDirectory directory, Checkpoints.Checkpoint checkpoint, List<String> skipped) {

        /** The configuration the checkpoint was written under. */
        public String config() {
            return checkpoint.state().config();
        }
    }

    /**
     * Finds where the run in {@code runDirectory} can continue from.
     *
     * @throws IllegalArgumentException when it is not a run directory or holds no readable checkpoint, saying why
     */
    public static ResumePoint resumePoint(Path runDirectory) {
        RunDirectory directory = RunDirectory.open(runDirectory);
        try {
            Checkpoints.Found found = Checkpoints.newest(directory.checkpoints());
            return new ResumePoint(directory, found.checkpoint(), found.skipped());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot resume " + runDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The keys whose values differ between the configuration a checkpoint was written under and
     * {@code now}, as {@code key: old -> new}; the run's name and output folder are not compared (a
     * resumed run stays in its directory).
     */
    public static List<String> configChanges(String checkpointConfig, RunConfig now) {
        try {
            JsonNode before = Yaml.mapper().readTree(checkpointConfig);
            JsonNode after = Yaml.mapper().valueToTree(now);
            List<String> changes = new ArrayList<>();
            diff("", before, after, changes);
            changes.removeIf(c -> c.startsWith("name:") || c.startsWith("output:"));
            return changes;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the checkpoint's configuration cannot be read: " + e.getMessage(), e);
        }
    }

    private static void diff(String path, JsonNode before, JsonNode after, List<String> changes) {
        if (before != null && after != null && before.isObject() && after.isObject()) {
            java.util.Set<String> keys = new java.util.TreeSet<>();
            before.fieldNames().forEachRemaining(keys::add);
            after.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                diff(path.isEmpty() ? key : path + "." + key, before.get(key), after.get(key), changes);
            }
        } else if (before != null && after != null && before.isArray() && after.isArray() && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                diff(path + "[" + i + "]", before.get(i), after.get(i), changes);
            }
        } else if (!sameValue(before, after)) {
            changes.add(path + ": " + text(before) + " -> " + text(after));
        }
    }

    /** Equal, numbers by value (YAML reads 3 as an int, the config writes a long). */
    private static boolean sameValue(JsonNode before, JsonNode after) {
        if (before != null && after != null && before.isNumber() && after.isNumber()) {
            return before.decimalValue().compareTo(after.decimalValue()) == 0;
        }
        return java.util.Objects.equals(before, after);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "(absent)" : node.isValueNode() ? node.asText() : node.toString();
    }

    /**
     * Continues the run of {@code from} under {@code run} (its configuration, possibly changed: see
     * {@link #configChanges}) to its last epoch, in the same run directory.
     *
     * @throws IllegalArgumentException when the checkpoint belongs to another model
     */
    public static Outcome resume(ResolvedRun run, ResumePoint from, List<TrainingListener> listeners, StopRequest stop) {
        startEngine(run);
        return execute(run, from.directory(), from.checkpoint(), listeners, stop);
    }

    private static Outcome execute(ResolvedRun run, RunDirectory directory, Checkpoints.Checkpoint resume,
            List<TrainingListener> listeners, StopRequest stop) {
        List<TrainingListener> all = new ArrayList<>();
        RunRecorder recorder = new RunRecorder(directory);
        all.add(recorder);
        all.addAll(listeners);
        try {
            Injector injector = RunModule.injector(run, all, PluginRegistry.pluginClassLoader());
            Checkpoints checkpoints = new Checkpoints(directory.checkpoints(), run.config().training().keepCheckpoints());
            try (RunComponents components = injector.getInstance(RunComponents.class)) {
                RunEnd end = run.manyToMany() ? injector.getInstance(ManyToManyTrainer.class).train(checkpoints, resume, stop)
                        : injector.getInstance(MultiTaskTrainer.class).train(checkpoints, resume, stop);
                return new Outcome(directory, end);
            }
        } catch (TrainingStopped e) {
            throw e;
        } catch (RuntimeException | Error e) {
            recorder.onRunFailed(e);
            throw e;
        }
    }
}
