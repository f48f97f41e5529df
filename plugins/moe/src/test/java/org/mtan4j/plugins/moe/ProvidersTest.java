package org.mtan4j.plugins.moe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mtan4j.api.Backbone;
import org.mtan4j.api.BackboneContext;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.blocks.EngineTest;
import org.mtan4j.blocks.Nyuv2Tasks;

/** Registration, options and their errors, and PLE with one level being CGC. */
class ProvidersTest extends EngineTest {

    private static final Shape IMAGE = new Shape(3, 64, 96);

    @Test
    void theFiveBackbonesAreRegistered() {
        List<String> names = ServiceLoader.load(BackboneProvider.class).stream().map(p -> p.get().name()).toList();
        assertEquals(List.of("mmoe", "cgc", "ple", "dselect-k", "ltb"), names);
        for (BackboneProvider<?> provider : ServiceLoader.load(BackboneProvider.class)) {
            assertEquals(32, provider.inputSizeMultiple(), provider.name());
            assertTrue(provider.defaultOptions() instanceof EncoderOptions e && e.encoder().equals("resnet50-dilated"), provider.name());
        }
    }

    @Test
    void optionsThatDoNotFitNameTheOption() {
        assertMessage("option 'encoder' must be one of [resnet50-dilated, segnet], got 'vgg'", () -> new MmoeOptions("vgg",
                Small.FILTERS, 4, Small.BLOCKS, 2));
        assertMessage("option 'experts' must be at least 1, got 0", () -> Small.mmoe("segnet", 0));
        assertMessage("option 'task-experts' must be at least 1, got 0", () -> Small.cgc("segnet", 0, 0));
        assertMessage("option 'levels' must be 1 to 5 (the stages of encoder 'resnet50-dilated'), got 6",
                () -> Small.ple("resnet50-dilated", 1, 1, 6));
        assertMessage("option 'experts' must be a power of two, at least 2, got 3 (other counts need the paper's extra loss"
                + " that keeps the selectors off missing experts)", () -> Small.dselectK("segnet", 3, 1));
        assertMessage("option 'k' must be 1 to experts (4), got 5", () -> Small.dselectK("segnet", 4, 5));
        assertMessage("option 'branching-stages' must list distinct stages from 1 to 4 (encoder 'resnet50-dilated'; stage 0"
                + " reads the image), got [1, 5]", () -> Small.ltb("resnet50-dilated", List.of(1, 5)));
        assertMessage("option 'filters' must list 5 positive widths, got [4, 8]", () -> new LtbOptions("segnet", List.of(4, 8), 4,
                Small.BLOCKS, List.of(1), 0.01, 0.05));
        assertMessage("backbone 'mmoe' needs image height and width that are multiples of 32, got 48x96",
                () -> new MmoeBackboneProvider().create(Small.mmoe("segnet", 2), new BackboneContext(Nyuv2Tasks.ALL, new Shape(3, 48, 96))));
    }

    @Test
    void pleWithOneLevelIsCgc() {
        Engine.getInstance().setRandomSeed(11);
        Backbone cgc = initialised(new CgcBackboneProvider(), Small.cgc("segnet", 1, 1));
        Engine.getInstance().setRandomSeed(11);
        Backbone ple = initialised(new PleBackboneProvider(), Small.ple("segnet", 1, 1, 1));
        assertEquals(cgc.block().getParameters().keys(), ple.block().getParameters().keys());
        NDArray image = manager.randomUniform(0f, 1f, new Shape(2).addAll(IMAGE));
        NDList a = cgc.block().forward(new ParameterStore(manager, false), new NDList(image), true);
        NDList b = ple.block().forward(new ParameterStore(manager, false), new NDList(image), true);
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(a.get(t).toFloatArray(), b.get(t).toFloatArray(), "task " + t);
        }
    }

    private <O> Backbone initialised(BackboneProvider<O> provider, O options) {
        Backbone backbone = provider.create(options, new BackboneContext(Nyuv2Tasks.ALL, IMAGE));
        backbone.block().initialize(manager, DataType.FLOAT32, new Shape(2).addAll(IMAGE));
        return backbone;
    }

    private static void assertMessage(String expected, Executable executable) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, executable).getMessage());
    }
}
