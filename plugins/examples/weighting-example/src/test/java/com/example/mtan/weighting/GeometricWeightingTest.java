package com.example.mtan.weighting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** The contract every weighting must pass, plus this one's own values. */
class GeometricWeightingTest extends WeightingContract<NoOptions> {

    @Override
    protected WeightingProvider<NoOptions> provider() {
        return new GeometricWeightingProvider();
    }

    @Override
    protected NoOptions options() {
        return NoOptions.INSTANCE;
    }

    @Test
    void isTheGeometricMean() {
        Weighting w = provider().create(options(), List.of(TaskSpec.depth("a"), TaskSpec.depth("b")));
        // sqrt(2 * 8) = 4; weights 4 / (2 * 2) and 4 / (2 * 8).
        assertEquals(4f, w.combine(new NDList(manager.create(2f), manager.create(8f)), null).getFloat(), 1e-5f);
        assertArrayEquals(new double[] {1, 0.25}, w.taskWeights(), 1e-6);
    }

    /** Both of the jar's weightings are found as the application finds plugins. */
    @Test
    @SuppressWarnings("rawtypes")
    void areRegistered() {
        Set<String> names = new HashSet<>();
        for (WeightingProvider p : ServiceLoader.load(WeightingProvider.class)) {
            names.add(p.name());
        }
        assertTrue(names.containsAll(Set.of("example-geometric", "example-projection")), "registered: " + names);
    }
}
