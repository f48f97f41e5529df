package org.mtan4j.runtime.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep, as its YAML file describes it (kebab-case keys, unknown keys are errors):
 * <pre>
 * name: grid               # the sweep's folder: &lt;output&gt;/&lt;name&gt;
 * base: run.yaml           # the base run config, relative to the sweep file; "demo": the bundled demo
 * set: [training.epochs=1] # overrides applied to every run (as --set)
 * grid:                    # key path -&gt; values; the runs are every combination, first key outermost
 *   backbone.name: [split, mtan]
 *   weighting: [equal, {name: dwa, options: {temperature: 2.0}}]
 *   seed: [0, 1]
 * output: sweeps           # default "sweeps"
 * </pre>
 *
 * @param name the sweep's name
 * @param base the base config file, or {@code demo}
 * @param set overrides for every run
 * @param grid the values of each key path
 * @param output the folder that holds sweep folders
 */
public record SweepConfig(String name, String base, List<String> set, Map<String, List<Object>> grid, String output) {

    /** Fills defaults; keeps the grid's key order. */
    public SweepConfig {
        name = name == null ? "sweep" : name;
        set = set == null ? List.of() : List.copyOf(set);
        grid = grid == null ? Map.of() : new LinkedHashMap<>(grid);
        output = output == null ? "sweeps" : output;
    }
}
