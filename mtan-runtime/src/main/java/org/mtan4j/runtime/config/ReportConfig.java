package org.mtan4j.runtime.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@code mtan report} compares this run; written as {@code report: {baselines: {TASK: RUN_DIR}}}.
 *
 * @param baselines for each task, the run directory of its single-task baseline (Delta_MTL); a
 *     relative path is taken from the working folder of {@code mtan report}
 */
public record ReportConfig(Map<String, String> baselines) {

    /** Never null baselines. */
    public ReportConfig {
        baselines = baselines == null ? Map.of() : new LinkedHashMap<>(baselines);
    }

    /** No baselines. */
    public static ReportConfig defaults() {
        return new ReportConfig(null);
    }
}
