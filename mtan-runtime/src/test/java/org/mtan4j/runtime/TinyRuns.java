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
}
