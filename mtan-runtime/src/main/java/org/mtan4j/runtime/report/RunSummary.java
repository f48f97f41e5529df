package org.mtan4j.runtime.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One run's validation metrics under a {@link Selection}.
 *
 * @param run the run
 * @param selection how the epochs were chosen
 * @param epochs the epochs the values come from (from 1)
 * @param values each validation metric's value: the mean over {@code epochs}
 */
public record RunSummary(RunRecord run, Selection selection, List<Integer> epochs, Map<MetricKey, Double> values) {

    /** How many final epochs the paper averages. */
    public static final int LAST_EPOCHS = 10;

    /**
     * Summarises {@code run}.
     *
     * @throws IllegalArgumentException when the run has no validation rows, or metric rows without a
     *     direction (a {@code metrics.csv} written before the {@code higher-is-better} column)
     */
    public static RunSummary of(RunRecord run, Selection selection) {
        List<Integer> validated = run.validatedEpochs();
        if (validated.isEmpty()) {
            throw new IllegalArgumentException(run.directory() + ": no validation rows in metrics.csv (the run ended before its first epoch)");
        }
        List<Integer> epochs = switch (selection) {
            case LAST_10 -> validated.subList(Math.max(0, validated.size() - LAST_EPOCHS), validated.size());
            case BEST_VALIDATION -> List.of(bestEpoch(run, validated));
        };
        Set<Integer> chosen = Set.copyOf(epochs);
        Map<MetricKey, double[]> sums = new LinkedHashMap<>();
        for (MetricRow row : run.rows()) {
            if (!row.split().equals("val") || row.metric().equals("loss") || !chosen.contains(row.epoch())) {
                continue;
            }
            if (row.higherIsBetter() == null) {
                throw new IllegalArgumentException(run.directory() + ": metric " + row.task() + " " + row.metric()
                        + " has no higher-is-better column in metrics.csv");
            }
            double[] s = sums.computeIfAbsent(new MetricKey(row.task(), row.metric(), row.higherIsBetter()), k -> new double[2]);
            s[0] += row.value();
            s[1]++;
        }
        Map<MetricKey, Double> values = new LinkedHashMap<>();
        sums.forEach((k, s) -> values.put(k, s[0] / s[1]));
        return new RunSummary(run, selection, List.copyOf(epochs), values);
    }

    /** The epoch with the lowest total validation loss; the earliest on ties; NaN sums never win. */
    static int bestEpoch(RunRecord run, List<Integer> validated) {
        Map<Integer, Double> total = new TreeMap<>();
        for (MetricRow row : run.rows()) {
            if (row.split().equals("val") && row.metric().equals("loss")) {
                total.merge(row.epoch(), row.value(), Double::sum);
            }
        }
        int best = validated.get(validated.size() - 1);
        double bestLoss = Double.POSITIVE_INFINITY;
        for (Map.Entry<Integer, Double> e : total.entrySet()) {
            if (e.getValue() < bestLoss) {
                bestLoss = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }

    /** The values of one task, in file order. */
    public Map<MetricKey, Double> task(String task) {
        Map<MetricKey, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.task().equals(task)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The tasks with values, in file order. */
    public List<String> tasks() {
        List<String> out = new ArrayList<>();
        values.keySet().forEach(k -> {
            if (!out.contains(k.task())) {
                out.add(k.task());
            }
        });
        return out;
    }
}
