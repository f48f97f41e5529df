package org.mtan4j.runtime.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a run's YAML, applies {@code --set key.path=value} overrides, and maps it onto {@link RunConfig}. */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * Loads {@code file} with overrides.
     *
     * @throws ConfigException naming the file and key path when the YAML cannot be read or mapped
     */
    public static RunConfig load(Path file, List<String> overrides) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException(source, "", "is a folder, not a YAML file");
        }
        JsonNode tree;
        try (InputStream in = Files.newInputStream(file)) {
            tree = parse(in.readAllBytes(), source);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, "", "no such file");
        } catch (IOException e) {
            throw new ConfigException(source, "", "cannot be read: " + e.getMessage(), e);
        }
        return map(applyOverrides(tree, overrides), source);
    }

    /** Loads YAML text (the bundled demo config, tests). */
    public static RunConfig load(String yaml, String source, List<String> overrides) {
        return map(applyOverrides(parse(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), source), overrides), source);
    }

    private static JsonNode parse(byte[] yaml, String source) {
        try {
            JsonNode tree = Yaml.mapper().readTree(yaml);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!tree.isObject()) {
                throw new ConfigException(source, "", "the document must be a mapping (key: value), found " + tree.getNodeType().toString().toLowerCase());
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, e instanceof JsonMappingException m ? Yaml.pathOf(m) : "", "not valid YAML: " + Yaml.problemOf(e), e);
        } catch (IOException e) {
            throw new ConfigException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    private static RunConfig map(JsonNode tree, String source) {
        try {
            return Yaml.mapper().treeToValue(tree, RunConfig.class);
        } catch (JsonMappingException e) {
            throw new ConfigException(source, Yaml.pathOf(e), Yaml.problemOf(e), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, "", Yaml.problemOf(e), e);
        }
    }

    /**
     * Applies {@code key.path=value} overrides to a YAML tree; values are read as YAML, so
     * {@code 8} is a number and {@code [1, 2]} a list.
     */
    static JsonNode applyOverrides(JsonNode tree, List<String> overrides) {
        if (overrides == null) {
            return tree;
        }
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set", override, "expected key.path=value");
            }
            String path = override.substring(0, eq).trim();
            String text = override.substring(eq + 1);
            JsonNode value;
            try {
                value = text.isEmpty() ? TextNode.valueOf("") : Yaml.mapper().readTree(text);
                if (value == null || value.isMissingNode()) {
                    value = TextNode.valueOf(text);
                }
            } catch (JsonProcessingException e) {
                value = TextNode.valueOf(text);
            }
            String[] keys = path.split("\\.");
            ObjectNode node = (ObjectNode) tree;
            for (int i = 0; i < keys.length - 1; i++) {
                JsonNode child = node.get(keys[i]);
                if (child == null || child.isNull()) {
                    child = node.putObject(keys[i]);
                } else if (!child.isObject()) {
                    throw new ConfigException("--set", String.join(".", List.of(keys).subList(0, i + 1)),
                            "is not a mapping, so '" + path + "' cannot be set");
                }
                node = (ObjectNode) child;
            }
            node.set(keys[keys.length - 1], value);
        }
        return tree;
    }
}
