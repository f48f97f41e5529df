package org.mtan4j.runtime.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
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
 * @param datasets YAML key {@code dataset}: one dataset and its options (a mapping, as most runs), or a list
 *     of them for many-to-many training, where each task comes from its own dataset (the Visual
 *     Decathlon: one dataset per domain). One dataset is written back as a mapping, so such runs'
 *     {@code config.yaml} reads as it always did
 * @param tasks which of the datasets' tasks to learn, in this order, with their heads and metrics;
 *     absent: every task of every dataset, in dataset order, with default heads and metrics. Task names
 *     must differ across datasets
 * @param backbone the multi-task architecture
 * @param weighting how task losses combine; absent: {@code equal}
 * @param training loop settings
 * @param output the folder that holds run directories
 * @param report how {@code mtan report} compares the run (single-task baselines); absent: none
 */
public record RunConfig(String name, Long seed, List<String> device,
        @JsonProperty("dataset") @JsonFormat(with = {JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED}) List<PluginRef> datasets,
        Map<String, TaskConfig> tasks,
        PluginRef backbone, PluginRef weighting, TrainingConfig training, String output, ReportConfig report) {

    /** Fills absent optional values with the defaults. */
    public RunConfig {
        name = name == null ? "run" : name;
        seed = seed == null ? 0L : seed;
        device = device == null || device.isEmpty() ? List.of("cpu") : List.copyOf(device);
        // Not List.copyOf: a null entry (dataset: [~]) must reach the resolver, which names it.
        datasets = datasets == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(datasets));
        tasks = tasks == null ? Map.of() : new LinkedHashMap<>(tasks);
        weighting = weighting == null ? PluginRef.ofName("equal") : weighting;
        training = training == null ? TrainingConfig.defaults() : training;
        output = output == null ? "runs" : output;
        report = report == null ? ReportConfig.defaults() : report;
    }
}
