package org.mtan4j.runtime.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run, as its YAML file describes it. Keys are kebab-case ({@code batch-size}); unknown keys are
 * errors. {@link ConfigLoader} reads it; {@link RunResolver} checks it against the plugins found.
 *
 * @param name the run's name: the run directory is {@code <output>/<name>}
 * @param seed fixes initialisation, data order and augmentation
 * @param device {@code cpu}, {@code gpu}, {@code gpu:N}, or a list of GPUs for data-parallel training
 * @param dataset the dataset and its options
 * @param tasks which of the dataset's tasks to learn, in this order, with their heads and metrics;
 *     absent: every task of the dataset with default heads and metrics
 * @param backbone the multi-task architecture
 * @param weighting how task losses combine; absent: {@code equal}
 * @param training loop settings
 * @param output the folder that holds run directories
 * @param report how {@code mtan report} compares the run (single-task baselines); absent: none
 */
public record RunConfig(String name, Long seed, List<String> device, PluginRef dataset, Map<String, TaskConfig> tasks,
        PluginRef backbone, PluginRef weighting, TrainingConfig training, String output, ReportConfig report) {

    /** Fills absent optional values with the defaults. */
    public RunConfig {
        name = name == null ? "run" : name;
        seed = seed == null ? 0L : seed;
        device = device == null || device.isEmpty() ? List.of("cpu") : List.copyOf(device);
        tasks = tasks == null ? Map.of() : new LinkedHashMap<>(tasks);
        weighting = weighting == null ? PluginRef.ofName("equal") : weighting;
        training = training == null ? TrainingConfig.defaults() : training;
        output = output == null ? "runs" : output;
        report = report == null ? ReportConfig.defaults() : report;
    }
}
