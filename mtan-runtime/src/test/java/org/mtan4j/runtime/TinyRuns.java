package org.mtan4j.runtime;

import java.util.List;
import org.mtan4j.runtime.config.ConfigLoader;
import org.mtan4j.runtime.config.RunConfig;

/** Small configurations on the synthetic data that train in seconds. */
public final class TinyRuns {

    /** Three tasks, 32x32 images, narrow SegNet. */
    public static final String YAML = String.join("\n",
            "name: tiny",
            "seed: 3",
            "dataset:",
            "  name: synthetic",
            "  options: {height: 32, width: 64, train-size: 8, val-size: 4}",
            "tasks:",
            "  semantic: {head: segnet-semantic, metrics: [confusion-matrix]}",
            "  depth: {head: segnet-depth, metrics: [depth-error]}",
            "  normal: {head: segnet-normal, metrics: [normal-angle]}",
            "backbone:",
            "  name: split",
            "  options: {filters: [4, 8, 8, 8, 8]}",
            "weighting: equal",
            "training:",
            "  epochs: 2",
            "  batch-size: 4",
            "  optimizer: {learning-rate: 1.0e-3}",
            "");

    private TinyRuns() {
    }

    /** The tiny config with overrides. */
    public static RunConfig config(String... overrides) {
        return ConfigLoader.load(YAML, "tiny.yaml", List.of(overrides));
    }

    /** The tiny config, resolved against the plugins on the test class path. */
    public static ResolvedRun resolved(String... overrides) {
        return new RunResolver(PluginRegistry.discover()).resolve(config(overrides), "tiny.yaml");
    }

    /**
     * A many-to-many run over three {@code synthetic-shapes} domains (colour: 3 classes, shape: 4,
     * position: 2; 60 validation images each) on a narrow WRN-MTAN, batches of 16.
     *
     * @param trainSizes each domain's training images
     * @param order the task order
     * @param epochs the epochs
     * @param extraTraining more lines of the {@code training} mapping, indented, or ""
     */
    public static String shapes(int[] trainSizes, String order, int epochs, String extraTraining) {
        return String.join("\n",
                "name: shapes",
                "seed: 11",
                "dataset:",
                "  - {name: synthetic-shapes, options: {kind: colour, train-size: " + trainSizes[0] + ", val-size: 60}}",
                "  - {name: synthetic-shapes, options: {kind: shape, train-size: " + trainSizes[1] + ", val-size: 60}}",
                "  - {name: synthetic-shapes, options: {kind: position, train-size: " + trainSizes[2] + ", val-size: 60}}",
                "tasks:",
                "  colour: {head: {name: linear, options: {pool: 0}}, metrics: [top1]}",
                "  shape: {head: {name: linear, options: {pool: 0}}, metrics: [top1]}",
                "  position: {head: {name: linear, options: {pool: 0}}, metrics: [top1]}",
                "backbone: {name: wrn-mtan, options: {depth: 10, widen: 1}}",
                "training:",
                "  epochs: " + epochs,
                "  batch-size: 16",
                "  eval-batch-size: 30",
                "  optimizer: {name: sgd, learning-rate: 0.05, momentum: 0.9, nesterov: true, weight-decay: 5.0e-5}",
                "  scheduler: {step-size: 50, gamma: 0.5}",
                "  task-order: " + order,
                // One compute thread: the machines that run the tests are shared.
                "  threads: 1",
                extraTraining,
                "");
    }

    /** A run's YAML resolved against the plugins on the test class path. */
    public static ResolvedRun resolve(String yaml) {
        return new RunResolver(PluginRegistry.discover()).resolve(ConfigLoader.load(yaml, "run.yaml", List.of()), "run.yaml");
    }
}
