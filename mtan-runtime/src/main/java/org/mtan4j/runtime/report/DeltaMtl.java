package org.mtan4j.runtime.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The multi-task performance Delta_MTL of Maninis et al. (2019): the average relative change of a
 * multi-task model over single-task baselines.
 *
 * <p>For each metric {@code m} of task {@code t}: {@code d = (M - B) / B}, negated where lower is
 * better, so a positive {@code d} is always an improvement. The {@code d} are averaged within each
 * task, and the task means are averaged over tasks; so every task weighs the same, however many
 * metrics it has. Values are fractions ({@code 0.05} = +5%).
 */
public final class DeltaMtl {

    /**
     * A computed Delta_MTL.
     *
     * @param overall the mean over tasks
     * @param perTask each task's mean over its metrics
     */
    public record Result(double overall, Map<String, Double> perTask) {
    }

    private DeltaMtl() {
    }

    /**
     * Compares {@code model} with the baselines.
     *
     * @param model the multi-task run's metric values
     * @param baselines for each task of the model, the single-task run's values (other tasks' values
     *     in it are ignored)
     * @throws IllegalArgumentException when a task of the model has no baseline, or a baseline lacks one
     *     of the model's metrics; the message names them
     */
    public static Result compute(Map<MetricKey, Double> model, Map<String, Map<MetricKey, Double>> baselines) {
        Map<String, List<Double>> relative = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<MetricKey, Double> e : model.entrySet()) {
            MetricKey key = e.getKey();
            Map<MetricKey, Double> baseline = baselines.get(key.task());
            if (baseline == null) {
                if (!missing.contains(key.task())) {
                    missing.add(key.task());
                }
                continue;
            }
            Double b = baseline.get(key);
            if (b == null) {
                throw new IllegalArgumentException("the baseline of task " + key.task() + " has no metric " + key.metric());
            }
            double d = (e.getValue() - b) / b;
            relative.computeIfAbsent(key.task(), t -> new ArrayList<>()).add(key.higherIsBetter() ? d : -d);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Delta_MTL needs a single-task baseline for every task; missing: " + String.join(", ", missing));
        }
        Map<String, Double> perTask = new LinkedHashMap<>();
        relative.forEach((task, ds) -> perTask.put(task, ds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
        double overall = perTask.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new Result(overall, perTask);
    }
}
