package org.mtan4j.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mtan4j.api.PluginProvider;
import org.mtan4j.api.text.Suggestions;
import org.mtan4j.runtime.config.ConfigException;
import org.mtan4j.runtime.config.Yaml;

/** Binds a plugin's YAML {@code options} onto its typed options record, over its defaults. */
@SuppressWarnings("rawtypes")
public final class PluginOptions {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private PluginOptions() {
    }

    /** The provider's default options as YAML keys and values. */
    public static Map<String, Object> defaults(PluginProvider provider) {
        return Yaml.mapper().convertValue(provider.defaultOptions(), MAP);
    }

    /** Typed options back into YAML keys and values (the resolved config). */
    public static Map<String, Object> toMap(Object options) {
        return Yaml.mapper().convertValue(options, MAP);
    }

    /**
     * The typed options: the defaults with {@code user}'s keys laid over them.
     *
     * @param keyPath where the options sit in the config, e.g. {@code backbone.options}
     * @throws ConfigException naming the key for an unknown key or a value of the wrong type
     */
    public static Object bind(PluginProvider provider, Map<String, Object> user, String keyPath, String source) {
        Map<String, Object> merged = defaults(provider);
        for (Map.Entry<String, Object> entry : user.entrySet()) {
            if (!merged.containsKey(entry.getKey())) {
                throw new ConfigException(source, keyPath + "." + entry.getKey(), "unknown option of " + provider.name()
                        + Suggestions.hint(entry.getKey(), merged.keySet()) + "; allowed: " + (merged.isEmpty() ? "(it takes no options)" : String.join(", ", merged.keySet())));
            }
            merged.put(entry.getKey(), entry.getValue());
        }
        try {
            return Yaml.mapper().convertValue(merged, provider.optionsType());
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JsonMappingException m) {
                String inner = Yaml.pathOf(m);
                if (m.getCause() instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
                    // The options record refused the values in its constructor: its message says why, and
                    // usually starts with the option's name ("height must be > 0"), which completes the key path.
                    String at = inner.isEmpty() ? optionNamed(invalid.getMessage(), merged.keySet()) : inner;
                    throw new ConfigException(source, keyPath + (at.isEmpty() ? "" : "." + at), invalid.getMessage(), e);
                }
                throw new ConfigException(source, keyPath + (inner.isEmpty() ? "" : "." + inner), Yaml.problemOf(m), e);
            }
            throw new ConfigException(source, keyPath, e.getMessage(), e);
        }
    }

    /**
     * The option {@code message} starts with ({@code height} in "height must be > 0, got 0" or
     * {@code filters} in "option 'filters' must list ..."), or empty.
     */
    private static String optionNamed(String message, java.util.Set<String> options) {
        for (String option : options) {
            if (message.startsWith(option + " ") || message.startsWith(option + ":") || message.startsWith("option '" + option + "'")) {
                return option;
            }
        }
        return "";
    }
}
