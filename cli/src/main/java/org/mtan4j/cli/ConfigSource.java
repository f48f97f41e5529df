package org.mtan4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.mtan4j.runtime.config.ConfigLoader;
import org.mtan4j.runtime.config.RunConfig;

/** Where a command's configuration comes from: a YAML file, or the bundled demo. */
final class ConfigSource {

    /** The bundled demo config's name in messages. */
    static final String DEMO = "demo.yaml (bundled)";

    private ConfigSource() {
    }

    /** Loads {@code file}, or the bundled demo when it is null, with overrides. */
    static RunConfig load(Path file, List<String> overrides) {
        if (file != null) {
            return ConfigLoader.load(file, overrides);
        }
        return ConfigLoader.load(demoYaml(), DEMO, overrides);
    }

    /** The name used in messages. */
    static String name(Path file) {
        return file == null ? DEMO : file.toString();
    }

    /** The bundled demo configuration. */
    static String demoYaml() {
        try (InputStream in = ConfigSource.class.getResourceAsStream("demo.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the bundled demo.yaml is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
