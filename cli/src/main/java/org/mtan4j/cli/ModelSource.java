package org.mtan4j.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtan4j.api.io.RegularFiles;
import org.mtan4j.runtime.PluginRegistry;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunResolver;
import org.mtan4j.runtime.run.RunDirectory;
import picocli.CommandLine.Option;

/**
 * The model description of the weight commands (a mixin): {@code --config RUN.yaml}, or {@code --run
 * RUN_DIR} whose {@code config.yaml} (written by training) is read and whose
 * {@code checkpoints/best.params} (else {@code last.params}) is the default checkpoint. The dataset's
 * files are not read: its provider's {@code describe} gives the tasks and the image size.
 */
final class ModelSource {

    @Option(names = "--config", paramLabel = "RUN.yaml", description = "The run's YAML file describing the model.")
    Path config;

    @Option(names = "--run", paramLabel = "RUN_DIR", description = "A run directory: its config.yaml describes the model"
            + " and its checkpoints/best.params (else last.params) is the default checkpoint.")
    Path run;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides a configuration value (repeatable),"
            + " e.g. dataset.options.root=DIR when the data moved.")
    List<String> overrides = new ArrayList<>();

    /**
     * The resolved run.
     *
     * @throws BadInput when neither or both of {@code --config} and {@code --run} are given, or the run
     *     directory has no {@code config.yaml}
     */
    ResolvedRun resolve() {
        if ((config == null) == (run == null)) {
            throw new BadInput("give exactly one of --config RUN.yaml and --run RUN_DIR");
        }
        if (run != null) {
            return resolveRunDirectory(run, overrides, false);
        }
        if (RegularFiles.problem(config) != null) {
            throw new BadInput(config + ": " + RegularFiles.problem(config));
        }
        // The model needs the task list and the image size only, which the dataset describes without its files.
        return new RunResolver(PluginRegistry.discover()).resolve(ConfigSource.load(config, overrides), config.toString(), false);
    }

    /**
     * The run of a run directory, from its {@code config.yaml} with {@code overrides}.
     *
     * @param openData whether the datasets are opened (decathlon-eval trains on them); the model alone needs only their description
     * @throws BadInput when {@code run} is no folder or has no {@code config.yaml}
     */
    static ResolvedRun resolveRunDirectory(Path run, List<String> overrides, boolean openData) {
        if (!Files.isDirectory(run)) {
            throw new BadInput(run + ": no such run directory");
        }
        Path file = RunDirectory.open(run).config();
        if (!Files.isRegularFile(file)) {
            throw new BadInput(run + ": not a run directory (no config.yaml)");
        }
        return new RunResolver(PluginRegistry.discover()).resolve(ConfigSource.load(file, overrides), file.toString(), openData);
    }

    /**
     * The run directory's best checkpoint, else its last.
     *
     * @throws BadInput when {@code --run} was not given or holds no checkpoint
     */
    Path defaultCheckpoint(String what) {
        if (run == null) {
            throw new BadInput(what + " is required with --config");
        }
        Path checkpoints = RunDirectory.open(run).checkpoints();
        for (String name : List.of("best.params", "last.params")) {
            Path candidate = checkpoints.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            // A damaged best.params is reported, not silently replaced by last.params.
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                throw new BadInput(candidate + ": not a readable checkpoint (" + RegularFiles.problem(candidate) + "); give " + what);
            }
        }
        throw new BadInput(run + ": no checkpoint (checkpoints/best.params or last.params); give " + what);
    }
}
