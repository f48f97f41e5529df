package org.mtan4j.runtime.report;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtan4j.runtime.config.ConfigLoader;
import org.mtan4j.runtime.config.RunConfig;
import org.mtan4j.runtime.config.Yaml;
import org.mtan4j.runtime.run.RunDirectory;

/**
 * A finished (or interrupted) run read back from its directory: {@code config.yaml},
 * {@code provenance.json} and {@code metrics.csv}. Reading needs no plugin and no engine.
 *
 * @param directory the run directory
 * @param config the resolved configuration the run wrote
 * @param provenance the provenance keys and values ({@code status}, {@code parameters}, {@code seed} ...)
 * @param rows every row of {@code metrics.csv}, in file order
 */
public record RunRecord(Path directory, RunConfig config, Map<String, Object> provenance, List<MetricRow> rows) {

    /** The status a run writes into {@code provenance.json} when it ends normally. */
    public static final String FINISHED = "finished";

    /**
     * Reads the run in {@code directory}.
     *
     * @throws IllegalArgumentException when the folder is not a run directory or a file is malformed;
     *     the message names the file
     */
    public static RunRecord read(Path directory) {
        RunDirectory run = RunDirectory.open(directory);
        for (Path file : List.of(run.config(), run.provenance(), run.metrics())) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(directory + " is not a run directory: " + file.getFileName() + " is missing");
            }
        }
        RunConfig config = ConfigLoader.load(run.config(), List.of());
        Map<String, Object> provenance = readProvenance(run.provenance());
        return new RunRecord(directory, config, provenance, readMetrics(run.metrics()));
    }

    /** Whether {@code directory} holds a run whose provenance says it finished. Never throws. */
    public static boolean isFinished(Path directory) {
        Path file = directory.resolve("provenance.json");
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return FINISHED.equals(readProvenance(file).get("status"));
        } catch (RuntimeException e) {
            return false; // a half-written or foreign file: not finished
        }
    }

    private static Map<String, Object> readProvenance(Path file) {
        try {
            return Yaml.json().readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not readable JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code metrics.csv}, epochs counted from 1. The sixth column ({@code higher-is-better}) is
     * optional, so files written before it existed still read, without directions; files written when
     * epochs were counted from 0 (they hold an epoch 0) are renumbered.
     */
    static List<MetricRow> readMetrics(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("epoch,split,task,metric,value")) {
            throw new IllegalArgumentException(file + ": not a metrics.csv (header 'epoch,split,task,metric,value[,higher-is-better]')");
        }
        List<MetricRow> rows = new ArrayList<>(lines.size());
        boolean fromZero = false;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < 5) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected at least 5 columns, got '" + line + "'");
            }
            try {
                Boolean direction = f.length > 5 && !f[5].isEmpty() ? Boolean.valueOf(f[5]) : null;
                int epoch = Integer.parseInt(f[0]);
                fromZero |= epoch == 0;
                rows.add(new MetricRow(epoch, f[1], f[2], f[3], Double.parseDouble(f[4]), direction));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        // Files written before epochs were counted from 1 hold an epoch 0: renumbered, they read as new ones.
        return fromZero ? rows.stream().map(r -> new MetricRow(r.epoch() + 1, r.split(), r.task(), r.metric(), r.value(),
                r.higherIsBetter())).toList() : List.copyOf(rows);
    }

    /** The run's name (its folder's name). */
    public String name() {
        return directory.getFileName().toString();
    }

    /** The trainable parameter count from the provenance, or -1 when unknown. */
    public long parameters() {
        Object p = provenance.get("parameters");
        return p instanceof Number n ? n.longValue() : -1;
    }

    /** Whether the provenance says the run finished. */
    public boolean finished() {
        return FINISHED.equals(provenance.get("status"));
    }

    /** The epochs that have validation rows, ascending. */
    public List<Integer> validatedEpochs() {
        return rows.stream().filter(r -> r.split().equals("val")).map(MetricRow::epoch).distinct().sorted().toList();
    }

    /** The tasks in the order of their first row. */
    public List<String> tasks() {
        return rows.stream().map(MetricRow::task).filter(t -> !t.isEmpty()).distinct().toList();
    }
}
