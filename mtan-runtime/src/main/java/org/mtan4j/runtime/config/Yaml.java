package org.mtan4j.runtime.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.regex.Pattern;
import org.mtan4j.api.text.Suggestions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** The strict mappers every configuration passes through, and the translation of their errors. */
public final class Yaml {

    private static final ObjectMapper YAML = configure(YAMLMapper.builder(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build()).build());
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build())
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The value in Jackson's "Cannot coerce String value ("abc") to `java.lang.Integer` value (...)". */
    private static final Pattern COERCED_VALUE = Pattern.compile("^Cannot coerce \\w+ value \\(\"?(.*?)\"?\\) to ");
    private static final Pattern QUALIFIED_EXCEPTION = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ");

    private Yaml() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }

    /** The YAML mapper: kebab-case keys, unknown keys and duplicate keys are errors. */
    public static ObjectMapper mapper() {
        return YAML;
    }

    /** The same rules for JSON (provenance). */
    public static ObjectMapper json() {
        return JSON;
    }

    /** The dotted key path of a mapping error, e.g. {@code training.batch-size} or {@code device[1]}. */
    public static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A short, user-facing description of a parse or mapping error, without Jackson's internals. */
    public static String problemOf(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            java.util.List<String> known = u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return "unknown key '" + u.getPropertyName() + "'" + Suggestions.hint(u.getPropertyName(), known) + "; allowed: "
                    + String.join(", ", known);
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + f.getValue() + "' is not a valid " + describe(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            java.util.regex.Matcher coerced = COERCED_VALUE.matcher(firstLine(e.getOriginalMessage()));
            if (coerced.find()) {
                return "expected " + describe(m.getTargetType()) + ", got '" + coerced.group(1) + "'";
            }
            return "expected " + describe(m.getTargetType()) + ": " + firstLine(e.getOriginalMessage());
        }
        if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
            // The parser's own first line is only the context ("while scanning ..."); the problem and its place follow.
            return y.getProblem() + " (line " + (y.getProblemMark().getLine() + 1) + ", column " + (y.getProblemMark().getColumn() + 1) + ")";
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return firstLine(e.getOriginalMessage()) + where;
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "mapping (key: value)";
        }
        return type.getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return withoutExceptionNames(line);
    }

    /**
     * {@code message} without the class names that wrapping exceptions put in front of their cause's text
     * ({@code java.io.IOException: x.npy: truncated} becomes {@code x.npy: truncated}): users need only the text.
     */
    public static String withoutExceptionNames(String message) {
        return QUALIFIED_EXCEPTION.matcher(message).replaceAll("");
    }
}
