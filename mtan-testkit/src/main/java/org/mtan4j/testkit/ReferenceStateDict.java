package org.mtan4j.testkit;

import ai.djl.ndarray.types.Shape;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A reference {@code state_dict} listing, in the format of the project's
 * {@code reference/state_dict_shapes/*.txt} (a plugin copies the files it needs into its test resources):
 * parameter and buffer names with their shapes, in PyTorch's order. Plugins that reproduce a PyTorch
 * model compare their exported names and shapes with it.
 *
 * @param parameters trainable entries, name to shape
 * @param buffers BatchNorm running statistics, name to shape ({@code num_batches_tracked} dropped:
 *     DJL has no counterpart)
 */
public record ReferenceStateDict(Map<String, Shape> parameters, Map<String, Shape> buffers) {

    /** Reads {@code <variant>.txt} from the resources beside {@code anchor} (its package's folder). */
    public static ReferenceStateDict load(Class<?> anchor, String variant) {
        Map<String, Shape> parameters = new LinkedHashMap<>();
        Map<String, Shape> buffers = new LinkedHashMap<>();
        try (InputStream in = Objects.requireNonNull(anchor.getResourceAsStream(variant + ".txt"),
                () -> "no resource " + variant + ".txt beside " + anchor.getName());
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                boolean buffer = line.startsWith("BUFFER ");
                String[] fields = (buffer ? line.substring("BUFFER ".length()) : line).split("\t");
                String name = fields[0];
                if (name.endsWith("num_batches_tracked")) {
                    continue;
                }
                (buffer ? buffers : parameters).put(name, parseShape(fields[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReferenceStateDict(parameters, buffers);
    }

    private static Shape parseShape(String text) {
        String inner = text.trim().substring(1, text.trim().length() - 1).trim();
        if (inner.isEmpty()) {
            return new Shape();
        }
        return new Shape(Arrays.stream(inner.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray());
    }

    /** Sum of the trainable sizes. */
    public long parameterCount() {
        return parameters.values().stream().mapToLong(Shape::size).sum();
    }
}
