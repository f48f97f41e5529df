package org.mtan4j.runtime.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunResolver;
import org.mtan4j.runtime.config.ConfigException;
import org.mtan4j.runtime.config.ConfigLoader;
import org.mtan4j.runtime.config.RunConfig;
import org.mtan4j.runtime.config.Yaml;
import org.mtan4j.runtime.run.AtomicFiles;

/**
 * Expands a {@link SweepConfig} into one resolved run config per grid point and writes the plan:
 * <pre>
 * &lt;output&gt;/&lt;name&gt;/configs/&lt;run&gt;.yaml   each run's resolved config; its output is &lt;output&gt;/&lt;name&gt;/runs
 * &lt;output&gt;/&lt;name&gt;/configs.txt          the config paths, one per line (line i+1 = array task i)
 * &lt;output&gt;/&lt;name&gt;/manifest.csv         index,name,config,run-dir and one column per grid key
 * </pre>
 * A run's name is the base config's name followed by one token per grid key: the value itself for text
 * ({@code split}), the key's last segment and the value for numbers and booleans ({@code seed1}), the
 * key's last segment and the value's position for lists and mappings ({@code weighting2}).
 *
 * <p>Every run is resolved against the plugins without reading data ({@link RunResolver} with
 * {@code openData = false}), so a bad grid value fails when the plan is written, naming the run.
 */
public final class Sweep {

    /**
     * One planned run.
     *
     * @param index from 0, the order of the plan
     * @param name the run's name
     * @param config its resolved config file
     * @param runDirectory where it trains to
     * @param values the grid values of this run, by key path
     */
    public record PlannedRun(int index, String name, Path config, Path runDirectory, Map<String, Object> values) {
    }

    private Sweep() {
    }

    /**
     * Reads a sweep file.
     *
     * @throws ConfigException naming the file and key path
     */
    public static SweepConfig load(Path file) {
        try {
            SweepConfig config = Yaml.mapper().readValue(Files.readAllBytes(file), SweepConfig.class);
            if (config == null) {
                throw new ConfigException(file.toString(), "", "empty sweep file");
            }
            if (config.base() == null) {
                throw new ConfigException(file.toString(), "base", "missing: the base run config (a YAML file, or demo)");
            }
            if (config.name().isBlank() || config.name().contains("/") || config.name().contains("\\")) {
                throw new ConfigException(file.toString(), "name", "'" + config.name() + "' is not a usable sweep name");
            }
            for (Map.Entry<String, List<Object>> e : config.grid().entrySet()) {
                if (e.getValue() == null || e.getValue().isEmpty()) {
                    throw new ConfigException(file.toString(), "grid." + e.getKey(), "needs at least one value");
                }
            }
            return config;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "", "no such file");
        } catch (JsonMappingException e) {
            throw new ConfigException(file.toString(), Yaml.pathOf(e), Yaml.problemOf(e), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file.toString(), "", "not valid YAML: " + Yaml.problemOf(e), e);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Expands, resolves and writes the plan.
     *
     * @param sweep the sweep
     * @param baseYaml the base config's text
     * @param baseSource its name in messages
     * @param root the sweep's folder ({@code <output>/<name>})
     * @param resolver resolves each run (plugins)
     * @return the runs, in order
     * @throws ConfigException naming the run and key path when a run does not resolve
     */
    public static List<PlannedRun> plan(SweepConfig sweep, String baseYaml, String baseSource, Path root, RunResolver resolver)
            throws IOException {
        return plan(sweep, baseYaml, baseSource, root, resolver, run -> { });
    }

    /**
     * As {@link #plan(SweepConfig, String, String, Path, RunResolver)}, calling {@code check} on every
     * resolved run before anything is written (e.g. that the engine sees the run's devices).
     */
    public static List<PlannedRun> plan(SweepConfig sweep, String baseYaml, String baseSource, Path root, RunResolver resolver,
            Consumer<ResolvedRun> check) throws IOException {
        String baseName = ConfigLoader.load(baseYaml, baseSource, sweep.set()).name();
        List<String> keys = new ArrayList<>(sweep.grid().keySet());
        List<Map<String, Object>> points = new ArrayList<>();
        expand(sweep.grid(), keys, 0, new LinkedHashMap<>(), points);
        Path configs = root.resolve("configs");
        Path runs = root.resolve("runs");
        List<PlannedRun> planned = new ArrayList<>();
        List<ResolvedRun> resolvedRuns = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<String, String> sameRun = new LinkedHashMap<>();
        for (Map<String, Object> point : points) {
            String name = runName(baseName, point, sweep.grid());
            if (seen.put(name, planned.size()) != null) {
                throw new ConfigException(baseSource, "grid", "two grid points give the run name '" + name + "'");
            }
            List<String> overrides = new ArrayList<>(sweep.set());
            for (Map.Entry<String, Object> e : point.entrySet()) {
                overrides.add(e.getKey() + "=" + json(e.getValue()));
            }
            overrides.add("name=" + name);
            overrides.add("output=" + runs);
            String source = baseSource + " [" + name + "]";
            RunConfig config = ConfigLoader.load(baseYaml, source, overrides);
            ResolvedRun resolved = resolver.resolve(config, source, false);
            String same = sameRun.put(withoutNameAndOutput(resolved.config()), name);
            if (same != null) {
                throw new ConfigException(baseSource, "grid", "the grid points of runs '" + same + "' and '" + name + "' give the same "
                        + "configuration (" + point + "); list each value once");
            }
            check.accept(resolved);
            resolvedRuns.add(resolved);
            planned.add(new PlannedRun(planned.size(), name, configs.resolve(name + ".yaml"), runs.resolve(name), point));
        }
        // Every run resolved and checked: only now is anything written.
        Files.createDirectories(configs);
        for (PlannedRun run : planned) {
            AtomicFiles.writeString(run.config(), "# sweep " + sweep.name() + ", run " + run.index() + ": " + pointText(run.values()) + "\n"
                    + Yaml.mapper().writeValueAsString(resolvedRuns.get(run.index()).config()));
        }
        writeManifest(root, keys, planned);
        return List.copyOf(planned);
    }

    /** The resolved configuration as text, without the keys every run of a sweep has its own value of. */
    private static String withoutNameAndOutput(RunConfig config) {
        com.fasterxml.jackson.databind.node.ObjectNode tree = Yaml.mapper().valueToTree(config);
        tree.remove(List.of("name", "output"));
        return tree.toString();
    }

    private static void expand(Map<String, List<Object>> grid, List<String> keys, int k, Map<String, Object> point,
            List<Map<String, Object>> out) {
        if (k == keys.size()) {
            out.add(new LinkedHashMap<>(point));
            return;
        }
        for (Object value : grid.get(keys.get(k))) {
            point.put(keys.get(k), value);
            expand(grid, keys, k + 1, point, out);
        }
        point.remove(keys.get(k));
    }

    /** The base name and one token per grid key (see the class documentation). */
    static String runName(String base, Map<String, Object> point, Map<String, List<Object>> grid) {
        StringBuilder name = new StringBuilder(base);
        for (Map.Entry<String, Object> e : point.entrySet()) {
            String key = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
            Object v = e.getValue();
            String token;
            if (v instanceof String s) {
                token = s;
            } else if (v instanceof Number || v instanceof Boolean) {
                token = key + v;
            } else {
                token = key + (grid.get(e.getKey()).indexOf(v) + 1);
            }
            name.append('-').append(token.replaceAll("[^A-Za-z0-9._-]", "_"));
        }
        return name.toString();
    }

    /** {@code value} as one line of JSON, which YAML reads back as the same value: what {@code --set} takes. */
    private static String json(Object value) {
        try {
            return Yaml.json().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a YAML value that is not JSON: " + value, e);
        }
    }

    /** A grid value as text: a string or number as it is, a list or mapping as one line of JSON (not Java's map text). */
    static String valueText(Object value) {
        return value instanceof Map || value instanceof List ? json(value) : String.valueOf(value);
    }

    /** A grid point as {@code key=value} pairs, as {@code --set} takes them. */
    private static String pointText(Map<String, Object> point) {
        return String.join(", ", point.entrySet().stream().map(e -> e.getKey() + "=" + valueText(e.getValue())).toList());
    }

    private static void writeManifest(Path root, List<String> keys, List<PlannedRun> runs) throws IOException {
        Function<Object, String> cell = v -> {
            String s = valueText(v);
            return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        };
        StringBuilder csv = new StringBuilder("index,name,config,run-dir");
        keys.forEach(k -> csv.append(',').append(cell.apply(k)));
        csv.append('\n');
        StringBuilder list = new StringBuilder();
        for (PlannedRun run : runs) {
            csv.append(run.index()).append(',').append(run.name()).append(',').append(cell.apply(run.config())).append(',')
                    .append(cell.apply(run.runDirectory()));
            keys.forEach(k -> csv.append(',').append(cell.apply(run.values().get(k))));
            csv.append('\n');
            list.append(run.config()).append('\n');
        }
        AtomicFiles.writeString(root.resolve("manifest.csv"), csv.toString());
        AtomicFiles.writeString(root.resolve("configs.txt"), list.toString());
    }
}
