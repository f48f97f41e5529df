package org.mtan4j.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mtan4j.api.MetricProvider;
import org.mtan4j.api.PluginCatalog;
import org.mtan4j.api.PluginProvider;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.api.TaskKind;
import org.mtan4j.runtime.PluginOptions;
import org.mtan4j.runtime.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtan plugins}. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists every plugin found on the class path, by kind, with its options and their defaults.")
final class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    @SuppressWarnings("rawtypes")
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = PluginRegistry.discover();
        for (Map.Entry<String, PluginCatalog<? extends PluginProvider>> kind : registry.kinds().entrySet()) {
            out.println(kind.getKey() + "s:");
            if (kind.getValue().all().isEmpty()) {
                out.println("  (none)");
            }
            for (PluginProvider provider : kind.getValue().all().values()) {
                out.printf("  %-18s %s%n", provider.name(), provider.description());
                Set<TaskKind> kinds = provider instanceof TaskHeadProvider h ? h.supportedKinds()
                        : provider instanceof MetricProvider m ? m.supportedKinds() : null;
                if (kinds != null) {
                    out.printf("  %-18s tasks: %s%n", "", kinds.stream().map(TaskKind::yamlName).sorted().collect(Collectors.joining(", ")));
                }
                Map<String, Object> options = PluginOptions.defaults(provider);
                if (!options.isEmpty()) {
                    out.printf("  %-18s options (defaults): %s%n", "", options.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
                }
                out.printf("  %-18s from %s%n", "", provider.getClass().getName());
            }
            out.println();
        }
        return ExitCodes.OK;
    }
}
