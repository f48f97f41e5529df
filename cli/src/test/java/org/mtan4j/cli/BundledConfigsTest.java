package org.mtan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mtan4j.runtime.PluginRegistry;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.RunResolver;
import org.mtan4j.runtime.config.PluginRef;
import org.mtan4j.runtime.config.RunConfig;
import org.mtan4j.runtime.config.TaskConfig;
import org.mtan4j.runtime.report.ComparisonReport;

/**
 * Every YAML under {@code cli/configs/} passes {@code mtan validate --no-data}, unless {@code pending.txt}
 * lists it with requirements that are still unmet.
 */
class BundledConfigsTest {

    private static final Path CONFIGS = Path.of("configs");

    /** A pending entry: what it needs and why. */
    record Pending(List<String> requires, String reason) {
    }

    static Map<String, Pending> pending() throws Exception {
        Map<String, Pending> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CONFIGS.resolve("pending.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|");
            assertEquals(3, f.length, "pending.txt: PATH | REQUIRES | REASON: " + line);
            List<String> requires = Stream.of(f[1].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            assertFalse(requires.isEmpty() || f[2].isBlank(), "pending.txt names what is missing and why: " + line);
            out.put(f[0].strip(), new Pending(requires, f[2].strip()));
        }
        return out;
    }

    /** Whether {@code requirement} (KIND:NAME) is met by the plugins on the class path; features never are. */
    static boolean met(String requirement, PluginRegistry registry) {
        String[] kv = requirement.split(":", 2);
        Set<String> names = switch (kv[0]) {
            case "backbone" -> Set.copyOf(registry.backbones().names());
            case "head" -> Set.copyOf(registry.heads().names());
            case "weighting" -> Set.copyOf(registry.weightings().names());
            case "dataset" -> Set.copyOf(registry.datasets().names());
            case "metric" -> Set.copyOf(registry.metrics().names());
            default -> Set.of();
        };
        return names.contains(kv[1]);
    }

    @Test
    void everyBundledConfigValidatesOrIsPendingWithAReason() throws Exception {
        Map<String, Pending> pending = pending();
        List<Path> configs;
        try (Stream<Path> walk = Files.walk(CONFIGS)) {
            configs = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(configs.size() >= 70, "the paper's experiments are bundled: " + configs.size());
        for (String path : pending.keySet()) {
            assertTrue(Files.isRegularFile(CONFIGS.resolve(path)), "pending.txt names an existing config: " + path);
        }
        PluginRegistry registry = PluginRegistry.discover();
        List<String> failures = new ArrayList<>();
        int validated = 0;
        for (Path config : configs) {
            String relative = CONFIGS.relativize(config).toString().replace('\\', '/');
            Pending p = pending.get(relative);
            if (p != null && !p.requires().stream().allMatch(r -> met(r, registry))) {
                continue; // still pending, for the reason pending.txt gives
            }
            CliTest.Result r = CliTest.mtan("validate", "--no-data", config.toString());
            if (r.code() != 0) {
                failures.add(relative + (p != null ? " (pending.txt's requirements are met now)" : "") + ": " + r.err().strip());
            } else {
                validated++;
            }
        }
        assertEquals(List.of(), failures, "configs that do not validate");
        assertTrue(validated >= configs.size() - pending.size(), validated + " validated");
    }

    @Test
    void noDataChecksAConfigWhoseDataIsAbsent() {
        String config = CONFIGS.resolve("nyuv2/mtan-equal.yaml").toString();
        CliTest.Result withData = CliTest.mtan("validate", "--set", "dataset.options.root=/no/such/nyuv2", config);
        assertEquals(2, withData.code(), withData.err());
        assertTrue(withData.err().contains("dataset"), withData.err());
        CliTest.Result noData = CliTest.mtan("validate", "--no-data", "--set", "dataset.options.root=/no/such/nyuv2", config);
        assertEquals(0, noData.code(), noData.err());
        assertTrue(noData.out().contains("288x384") && noData.out().contains("--no-data"), noData.out());
        // Everything else is still checked.
        CliTest.Result bad = CliTest.mtan("validate", "--no-data", "--set", "dataset.options.height=100", config);
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("dataset.options.height"), bad.err());
    }

    /**
     * The paper's experiments form their metrics as the paper's code does: depth, normal and top-1 values
     * per batch, then averaged over the batches; mIoU from one accumulated confusion matrix (the code's
     * current formula).
     */
    @Test
    void paperConfigsAverageAsThePapersCode() throws Exception {
        List<Path> configs;
        try (Stream<Path> walk = Files.walk(CONFIGS)) {
            // The paper's experiments; synthetic/ keeps the defaults and office/ forms accuracy as LibMTL does (pooled).
            configs = walk.filter(p -> p.toString().endsWith(".yaml") && Stream.of("nyuv2", "cityscapes", "decathlon")
                    .anyMatch(folder -> p.startsWith(CONFIGS.resolve(folder)))).sorted().toList();
        }
        assertTrue(configs.size() >= 70, configs.size() + " paper configs");
        List<String> wrong = new ArrayList<>();
        for (Path config : configs) {
            RunConfig run = ConfigSource.load(config, List.of());
            for (Map.Entry<String, TaskConfig> task : run.tasks().entrySet()) {
                for (PluginRef metric : task.getValue().metrics()) {
                    boolean confusion = metric.name().equals("confusion-matrix");
                    Object expected = confusion ? "accumulated" : "per-batch";
                    if (!expected.equals(metric.options().get(confusion ? "formula" : "averaging"))) {
                        wrong.add(config + " " + task.getKey() + ": " + metric);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "metrics not formed as the paper's code forms them");

        Path config = CONFIGS.resolve("nyuv2/mtan-dwa.yaml");
        ResolvedRun resolved = new RunResolver(PluginRegistry.discover()).resolve(ConfigSource.load(config, List.of()), config.toString(), false);
        PluginRef normal = resolved.config().tasks().get("normal").metrics().get(0);
        assertEquals(Map.of("averaging", "per-batch", "median", "per-batch"), normal.options(), "the resolved config says the median is per batch");
        assertTrue(ComparisonReport.formulaNote("normal", normal).contains("per batch, then averaged over the batches (the paper's code)"));
    }

    /** The README's sweep example plans 18 resolved configs from a bundled config, without data. */
    @Test
    void theReadmeSweepExamplePlans(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path sweep = dir.resolve("grid.yaml");
        Files.writeString(sweep, String.join("\n",
                "name: nyuv2-grid",
                "base: " + CONFIGS.resolve("nyuv2/mtan-equal.yaml").toAbsolutePath(),
                "set: [training.epochs=200]",
                "grid:",
                "  backbone: [{name: split, options: {variant: standard}}, mtan]",
                "  weighting: [equal, uncertainty, {name: dwa, options: {temperature: 2.0}}]",
                "  seed: [0, 1, 2]",
                "output: sweeps", ""));
        CliTest.Result r = CliTest.mtan("sweep", "--plan", "--out", dir.toString(), sweep.toString());
        assertEquals(0, r.code(), r.err());
        List<String> configs = Files.readAllLines(dir.resolve("nyuv2-grid/configs.txt"));
        assertEquals(18, configs.size());
        assertTrue(configs.get(0).endsWith("nyuv2-mtan-equal-backbone1-equal-seed0.yaml"), configs.get(0));
        assertTrue(configs.get(17).endsWith("nyuv2-mtan-equal-mtan-weighting3-seed2.yaml"), configs.get(17));
    }
}
