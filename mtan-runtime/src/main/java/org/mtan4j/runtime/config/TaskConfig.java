package org.mtan4j.runtime.config;

import java.util.List;

/**
 * How one task of the dataset is predicted and measured.
 *
 * @param head the task head; when absent, the only head that supports the task's kind
 * @param metrics the metrics; when absent, every metric that supports the task's kind
 */
public record TaskConfig(PluginRef head, List<PluginRef> metrics) {
}
