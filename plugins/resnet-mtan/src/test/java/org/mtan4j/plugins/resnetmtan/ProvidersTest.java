package org.mtan4j.plugins.resnetmtan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.api.TaskSpec;

/** Discovery, the paper's defaults and the option errors users see. */
class ProvidersTest {

    @Test
    @SuppressWarnings("rawtypes") // ServiceLoader only knows the raw provider interfaces
    void discoverable() {
        assertTrue(ServiceLoader.load(BackboneProvider.class).stream().anyMatch(p -> p.get().name().equals("resnet-mtan")));
        assertTrue(ServiceLoader.load(TaskHeadProvider.class).stream().anyMatch(p -> p.get().name().equals("deeplab")));
    }

    @Test
    void defaultsAreThePapers() {
        assertEquals(new ResNetMtanOptions(64, List.of(3, 4, 6, 3)), new ResNetMtanBackboneProvider().defaultOptions());
        assertEquals(8, new ResNetMtanBackboneProvider().inputSizeMultiple());
        assertEquals(new DeepLabOptions(256, List.of(12, 24, 36), 0.5, 8), new DeepLabHeadProvider().defaultOptions());
    }

    @Test
    void badOptionsAreRejectedNamingTheOption() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ResNetMtanOptions(64, List.of(3, 4, 1, 3)))
                .getMessage().contains("'blocks'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ResNetMtanOptions(0, List.of(3, 4, 6, 3)))
                .getMessage().contains("'base-width'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DeepLabOptions(256, List.of(12, 24), 0.5, 8))
                .getMessage().contains("'rates'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DeepLabOptions(256, List.of(12, 24, 36), 1.0, 8))
                .getMessage().contains("'dropout'"));
        assertThrows(IllegalArgumentException.class,
                () -> new DeepLabHeadProvider().create(DeepLabOptions.DEFAULT, TaskSpec.classification("c", 10), 2048));
    }
}
