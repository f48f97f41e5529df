package org.mtan4j.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.runtime.PluginOptions;
import org.mtan4j.runtime.PluginRegistry;
import org.mtan4j.runtime.config.Yaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mtan data}: commands about a dataset's files ({@code check}, {@code bench}). */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Checks a dataset folder or measures how fast it loads.",
        subcommands = {DataCheckCommand.class, DataBenchCommand.class})
final class DataCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), Main.MISSING_COMMAND + ": check or bench");
    }

    /**
     * The dataset provider {@code name} and its options: the defaults, then {@code root} (when given),
     * then each {@code key=value} (values parsed as YAML scalars or lists), then {@code forced}.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Opened open(String name, String root, List<String> sets, Map<String, Object> forced) throws IOException {
        DatasetProvider provider;
        try {
            provider = PluginRegistry.discover().datasets().get(name);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        Map<String, Object> user = new LinkedHashMap<>();
        if (root != null) {
            user.put("root", root);
        }
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new BadInput("--set needs KEY=VALUE, got '" + set + "'");
            }
            Object value = Yaml.mapper().readValue(set.substring(eq + 1), Object.class);
            user.put(set.substring(0, eq), value);
        }
        Map<String, Object> defaults = PluginOptions.defaults(provider);
        forced.forEach((k, v) -> {
            if (defaults.containsKey(k)) {
                user.put(k, v);
            }
        });
        Object options = PluginOptions.bind(provider, user, "dataset.options", "command line");
        return new Opened(provider, options, provider.open(options));
    }

    /** An opened dataset with the provider and options it came from. */
    record Opened(DatasetProvider<?> provider, Object options, MultiTaskDataset dataset) {
    }
}
