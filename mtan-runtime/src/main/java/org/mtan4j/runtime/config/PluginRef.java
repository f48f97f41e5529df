package org.mtan4j.runtime.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A chosen plugin: its name and its options as written in YAML. Written either as
 * {@code {name: split, options: {...}}} or, without options, as the bare name {@code split}.
 *
 * @param name the provider's name
 * @param options option keys and values; after resolution every option, defaults included
 */
public record PluginRef(@JsonProperty("name") String name, @JsonProperty("options") Map<String, Object> options) {

    /** Never null options. */
    public PluginRef {
        options = options == null ? Map.of() : new LinkedHashMap<>(options);
    }

    /** The bare-name form. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PluginRef ofName(String name) {
        return new PluginRef(name, Map.of());
    }

    /** The object form. */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public static PluginRef of(@JsonProperty("name") String name, @JsonProperty("options") Map<String, Object> options) {
        return new PluginRef(name, options);
    }
}
