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
        assertTrue(backbones.containsAll(Set.of("single", "stan", "split", "dense", "cross-stitch", "mtan")), backbones.toString());
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
                () -> new SplitOptions(List.of(64, 128, 256, 512, 512), "tall"));
        assertTrue(e.getMessage().contains("'variant'") && e.getMessage().contains("[standard, deep, wide]")
                && e.getMessage().contains("'tall'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SplitOptions(List.of(64, 128, 256, 512, 512), null));
    }

    @Test
    void splitVariantsChangeTheTrunkAsThePaper() {
        SplitOptions deep = new SplitOptions(List.of(4, 8, 8, 16, 16), "deep");
        SplitOptions wide = new SplitOptions(List.of(4, 8, 8, 16, 16), "wide");
        assertEquals(2, deep.depth());
        assertEquals(List.of(4, 8, 8, 16, 16), deep.trunkFilters());
        assertEquals(1, wide.depth());
        assertEquals(List.of(4, 8, 8, 16, 32), wide.trunkFilters());
        assertEquals(List.of(64, 128, 256, 512, 1024), new SplitOptions(List.of(64, 128, 256, 512, 512), "wide").trunkFilters());
    }

    @Test
    void taskCountsOutsideTheRangeAreRejected() {
        BackboneContext three = new BackboneContext(List.of(TaskSpec.segmentation("semantic", 13), TaskSpec.depth("depth"),
                TaskSpec.normal("normal")), new Shape(3, 64, 64));
        BackboneContext one = new BackboneContext(List.of(TaskSpec.depth("depth")), new Shape(3, 64, 64));
        for (SegNetBackboneProvider<SegNetOptions> provider : List.of(new SingleBackboneProvider(), new StanBackboneProvider())) {
            assertEquals(1, provider.taskCountRange()[1]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> provider.create(SegNetOptions.DEFAULT, three));
            assertTrue(e.getMessage().contains("'" + provider.name() + "'") && e.getMessage().contains("exactly 1"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossStitchBackboneProvider().create(SegNetOptions.DEFAULT, one));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }

    @Test
    void oneTaskModelsUseTheReferencesOneTaskHeadNames() {
        BackboneContext one = new BackboneContext(List.of(TaskSpec.depth("depth")), new Shape(3, 64, 64));
        SegNetOptions narrow = new SegNetOptions(List.of(4, 8, 8, 16, 16));
        assertEquals("pred_task.", new SingleBackboneProvider().create(narrow, one).headPrefix(0));
        assertEquals("pred_task.", new StanBackboneProvider().create(narrow, one).headPrefix(0));
        var mtan = new MtanBackboneProvider().create(narrow, new BackboneContext(TASKS, new Shape(3, 64, 64)));
        assertEquals("pred_task1.", mtan.headPrefix(0));
        assertEquals("pred_task2.", mtan.headPrefix(1));
        assertThrows(IndexOutOfBoundsException.class, () -> mtan.headPrefix(2));
    }

    @Test
    void everyBackboneDescribesItselfForMtanPlugins() {
        for (SegNetBackboneProvider<?> provider : List.of(new SingleBackboneProvider(), new StanBackboneProvider(),
                new SplitBackboneProvider(), new DenseBackboneProvider(), new CrossStitchBackboneProvider(),
                new MtanBackboneProvider())) {
            assertTrue(provider.description().length() > 40, provider.name());
            assertEquals(32, provider.inputSizeMultiple(), provider.name());
        }
    }

    @Test
    void badFiltersAreRejectedNamingTheOption() {
        for (List<Integer> filters : List.of(List.of(64, 128, 256, 512), List.of(64, 128, 0, 512, 512))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SplitOptions(filters, "standard"));
            assertTrue(e.getMessage().contains("'filters'"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> new SegNetOptions(filters));
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
