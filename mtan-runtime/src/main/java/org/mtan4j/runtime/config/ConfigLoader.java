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
import java.util.ArrayList;
import java.util.List;
import org.mtan4j.numpy.RegularFiles;

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
        String problem = RegularFiles.problem(file);
        if (problem != null) {
            throw new ConfigException(source, "", problem);
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
     * {@code 8} is a number and {@code [1, 2]} a list. A key of a list takes an index:
     * {@code dataset[2].options.domain=dtd}, or {@code dataset[*].options.root=/data} for every entry.
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
            List<ObjectNode> nodes = List.of((ObjectNode) tree);
            for (int i = 0; i < keys.length - 1; i++) {
                String at = String.join(".", List.of(keys).subList(0, i + 1));
                List<ObjectNode> children = new ArrayList<>();
                for (ObjectNode node : nodes) {
                    for (JsonNode child : children(node, keys[i], at, path)) {
                        if (child.isArray()) {
                            throw new ConfigException("--set", at, "is a list, so '" + path + "' cannot be set; name an entry ("
                                    + keys[i] + "[0]) or every entry (" + keys[i] + "[*])");
                        }
                        if (!child.isObject()) {
                            throw new ConfigException("--set", at, "is not a mapping, so '" + path + "' cannot be set");
                        }
                        children.add((ObjectNode) child);
                    }
                }
                nodes = children;
            }
            if (keys[keys.length - 1].endsWith("]")) {
                throw new ConfigException("--set", path, "a list index must be followed by a key (dataset[1].options.domain=dtd); "
                        + "a whole entry cannot be replaced");
            }
            for (ObjectNode node : nodes) {
                node.set(keys[keys.length - 1], value.deepCopy());
            }
        }
        return tree;
    }

    /**
     * {@code e} blamed on the {@code --set} override that put the faulty value there (the last one
     * whose key path is the error's or holds it: {@code backbone.options.filters} for an error at
     * {@code backbone.options.filters[2]}, {@code dataset[*].options.root} for one at
     * {@code dataset[1].options.root}), or that lies inside the error's key path below the top level
     * ({@code tasks.edges.head} made the task {@code tasks.edges}); else {@code e} as it is: the file is not at fault for a value
     * it does not hold.
     */
    public static ConfigException blame(ConfigException e, List<String> overrides) {
        if (overrides == null || (e.source() != null && e.source().startsWith("--set")) || e.keyPath().isEmpty()) {
            return e;
        }
        for (int i = overrides.size() - 1; i >= 0; i--) {
            int eq = overrides.get(i).indexOf('=');
            String setPath = overrides.get(i).substring(0, Math.max(eq, 0)).trim();
            // Below a top-level key only: an error about all of `tasks` or `device` is not one override's doing.
            boolean nested = e.keyPath().contains(".") || e.keyPath().contains("[");
            if (eq > 0 && (holds(setPath, e.keyPath()) || nested && holds(e.keyPath(), setPath))) {
                return e.withSource("--set " + overrides.get(i));
            }
        }
        return e;
    }

    /** Whether {@code keyPath} is {@code setPath} or lies inside it; {@code [*]} stands for any index. */
    private static boolean holds(String setPath, String keyPath) {
        String pattern = java.util.regex.Pattern.quote(setPath).replace("[*]", "\\E\\[\\d+\\]\\Q");
        return keyPath.matches(pattern + "(?:[.\\[].*)?");
    }

    /**
     * The nodes {@code key} names in {@code node}: {@code name} (created as a mapping when absent),
     * {@code name[i]} one entry of a list (a run's {@code dataset[2]}), {@code name[*]} every entry.
     */
    private static List<JsonNode> children(ObjectNode node, String key, String at, String path) {
        int open = key.indexOf('[');
        if (open < 0 || !key.endsWith("]")) {
            JsonNode child = node.get(key);
            return List.of(child == null || child.isNull() ? node.putObject(key) : child);
        }
        String name = key.substring(0, open);
        String index = key.substring(open + 1, key.length() - 1);
        JsonNode list = node.get(name);
        if (list == null || !list.isArray()) {
            throw new ConfigException("--set", at, "'" + name + "' is not a list, so '" + path + "' cannot be set");
        }
        if (index.equals("*")) {
            List<JsonNode> all = new ArrayList<>();
            list.forEach(all::add);
            return all;
        }
        int i;
        try {
            i = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            throw new ConfigException("--set", at, "'" + index + "' is not a list index; allowed: 0 to " + (list.size() - 1) + ", or *");
        }
        if (i < 0 || i >= list.size()) {
            throw new ConfigException("--set", at, "'" + name + "' has " + list.size() + " entries; allowed: 0 to " + (list.size() - 1) + ", or *");
        }
        return List.of(list.get(i));
    }
}
