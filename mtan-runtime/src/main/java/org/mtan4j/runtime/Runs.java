package org.mtan4j.runtime;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtan4j.runtime.run.RunDirectory;
import org.mtan4j.runtime.run.RunRecorder;
import org.mtan4j.runtime.training.MultiTaskTrainer;
import org.mtan4j.runtime.training.RunEnd;
import org.mtan4j.runtime.training.TrainingListener;

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
        Engines.markOffline();
        RunDirectory directory = RunDirectory.create(outputRoot.resolve(run.config().name()), force);
        List<TrainingListener> all = new ArrayList<>();
        all.add(new RunRecorder(directory));
        all.addAll(listeners);
        Injector injector = RunModule.injector(run, all, PluginRegistry.pluginClassLoader());
        try (RunComponents components = injector.getInstance(RunComponents.class)) {
            RunEnd end = injector.getInstance(MultiTaskTrainer.class).train();
            return new Outcome(directory, end);
        }
    }
}
