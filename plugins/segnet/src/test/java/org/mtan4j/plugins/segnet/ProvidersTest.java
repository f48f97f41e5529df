package org.mtan4j.plugins.segnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;

/** Discovery, option checks and the errors users see. */
class ProvidersTest {

    private static final List<TaskSpec> TASKS = List.of(TaskSpec.segmentation("semantic", 13), TaskSpec.depth("depth"));

    @Test
    @SuppressWarnings("rawtypes") // ServiceLoader only knows the raw provider interfaces
    void providersAreDiscoveredByServiceLoader() {
        Set<String> backbones = ServiceLoader.load(BackboneProvider.class).stream()
                .map(p -> p.get().name()).collect(Collectors.toSet());
        Set<String> heads = ServiceLoader.load(TaskHeadProvider.class).stream()
                .map(p -> p.get().name()).collect(Collectors.toSet());
        assertTrue(backbones.contains("split"), backbones.toString());
        assertTrue(heads.containsAll(Set.of("segnet-semantic", "segnet-depth", "segnet-normal")), heads.toString());
    }

    @Test
    void splitDefaultsAreThePapers() {
        SplitBackboneProvider provider = new SplitBackboneProvider();
        assertEquals(List.of(64, 128, 256, 512, 512), provider.defaultOptions().filters());
        assertEquals("standard", provider.defaultOptions().variant());
        assertEquals(32, provider.inputSizeMultiple());
    }

    @Test
    void unknownVariantIsRejectedNamingTheOptionAndTheAllowedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SplitOptions(List.of(64, 128, 256, 512, 512), "deep"));
        assertTrue(e.getMessage().contains("'variant'") && e.getMessage().contains("[standard]")
                && e.getMessage().contains("'deep'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SplitOptions(List.of(64, 128, 256, 512, 512), null));
    }

    @Test
    void badFiltersAreRejectedNamingTheOption() {
        for (List<Integer> filters : List.of(List.of(64, 128, 256, 512), List.of(64, 128, 0, 512, 512))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SplitOptions(filters, "standard"));
            assertTrue(e.getMessage().contains("'filters'"), e.getMessage());
        }
    }

    @Test
    void splitRejectsImagesThatAreNotMultiplesOf32() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SplitBackboneProvider()
                .create(SplitOptions.DEFAULT, new BackboneContext(TASKS, new Shape(3, 64, 80))));
        assertTrue(e.getMessage().contains("32") && e.getMessage().contains("64x80"), e.getMessage());
    }

    @Test
    void splitHandsEveryTaskTheFirstFilterWidth() {
        var backbone = new SplitBackboneProvider().create(new SplitOptions(List.of(4, 8, 8, 16, 16), "standard"),
                new BackboneContext(TASKS, new Shape(3, 32, 64)));
        assertEquals(4, backbone.featureChannels(0));
        assertEquals(4, backbone.featureChannels(1));
        assertEquals(2, backbone.taskCount());
        // every trainable parameter is shared; running statistics have no gradient to share
        assertEquals(backbone.block().getParameters().values().stream().filter(p -> p.requiresGradient()).count(),
                backbone.sharedParameters().size());
        assertTrue(backbone.sharedParameters().stream().allMatch(p -> p.requiresGradient()));
    }

    @Test
    void headsRejectTasksOfAnotherKind() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DepthHeadProvider().create(NoOptions.INSTANCE, TaskSpec.normal("normal"), 64));
        assertTrue(e.getMessage().contains("segnet-depth") && e.getMessage().contains("normal"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new NormalHeadProvider().create(NoOptions.INSTANCE, new TaskSpec("normal", TaskKind.NORMAL, 0, -1), 64));
        assertThrows(IllegalArgumentException.class,
                () -> new SemanticHeadProvider().create(NoOptions.INSTANCE, TaskSpec.segmentation("semantic", 13), 0));
    }
}
