package org.mtan4j.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.MetricProvider;
import org.mtan4j.api.PluginCatalog;

class RegistrationTest {

    @Test
    @SuppressWarnings("rawtypes") // PluginCatalog takes the raw provider interface
    void providersAreFoundByTheirNames() {
        PluginCatalog<MetricProvider> catalog = PluginCatalog.discover(MetricProvider.class, getClass().getClassLoader());
        assertEquals(List.of("confusion-matrix", "depth-error", "normal-angle"), List.copyOf(catalog.all().keySet()));
        assertTrue(catalog.all().get("confusion-matrix") instanceof ConfusionMatrixProvider);
        assertTrue(catalog.all().get("depth-error") instanceof DepthErrorProvider);
        assertTrue(catalog.all().get("normal-angle") instanceof NormalAngleProvider);
    }
}
