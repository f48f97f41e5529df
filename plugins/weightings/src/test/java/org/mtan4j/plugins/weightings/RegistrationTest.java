package org.mtan4j.plugins.weightings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.PluginCatalog;
import org.mtan4j.api.WeightingProvider;

class RegistrationTest {

    @Test
    @SuppressWarnings("rawtypes") // PluginCatalog takes the raw provider interface
    void everyMethodIsRegisteredUnderItsName() {
        PluginCatalog<WeightingProvider> catalog =
                PluginCatalog.discover(WeightingProvider.class, getClass().getClassLoader());
        assertEquals(new TreeSet<>(Set.of("equal", "dwa", "uncertainty", "rlw", "pcgrad", "mgda", "cagrad", "imtl",
                "aligned-mtl", "gradvac", "gradnorm", "upgrad", "db-mtl", "nash-mtl", "famo", "graddrop",
                "gls", "moco", "stch", "excess-mtl", "fairgrad", "sdmgrad", "modo", "rgw", "config", "dualproj")), new TreeSet<>(catalog.all().keySet()));
    }
}
