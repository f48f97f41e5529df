/**
 * A run's configuration: the YAML schema as typed records ({@link org.mtan4j.runtime.config.RunConfig}),
 * loading with {@code --set} overrides, and validation that names the key path at fault.
 */
package org.mtan4j.runtime.config;
