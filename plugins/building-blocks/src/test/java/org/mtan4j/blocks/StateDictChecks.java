package org.mtan4j.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Checks of a network's parameter count and PyTorch names against the reference's, for the plugins' parameter tests. */
public final class StateDictChecks {

    private StateDictChecks() {
    }

    /** The number of trainable values (BatchNorm running statistics left out). */
    public static long trainable(Block block) {
        return block.getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().size())
                .sum();
    }

    /** The shapes of the trainable entries, or of the others (running statistics), in order. */
    public static Map<String, Shape> shapes(Map<String, Parameter> entries, boolean trainable) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        entries.forEach((name, p) -> {
            if (p.requiresGradient() == trainable) {
                shapes.put(name, p.getArray().getShape());
            }
        });
        return shapes;
    }

    /** Every DJL parameter of the block appears exactly once among the named entries. */
    public static void assertEveryParameterNamedOnce(Block block, Map<String, Parameter> entries, String what) {
        Set<Parameter> named = Collections.newSetFromMap(new IdentityHashMap<>());
        named.addAll(entries.values());
        assertEquals(entries.size(), named.size(), what + ": no parameter under two names");
        Set<Parameter> all = Collections.newSetFromMap(new IdentityHashMap<>());
        block.getParameters().forEach(p -> all.add(p.getValue()));
        assertEquals(all, named, what + ": every DJL parameter has exactly one PyTorch name");
    }

    /** Same names in the same order, with the same shapes. */
    public static void assertSameEntries(Map<String, Shape> expected, Map<String, Shape> actual, String what) {
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()), what + ": names and order");
        assertEquals(expected, actual, what + ": shapes");
    }
}
