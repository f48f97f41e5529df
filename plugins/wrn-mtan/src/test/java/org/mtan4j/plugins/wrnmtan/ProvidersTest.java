package org.mtan4j.plugins.wrnmtan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.MetricAveraging;
import org.mtan4j.api.MetricProvider;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.api.TaskSpec;

/** Discovery, the paper's defaults and the option errors users see. */
class ProvidersTest {

    @Test
    @SuppressWarnings("rawtypes") // ServiceLoader only knows the raw provider interfaces
    void discoverable() {
        assertTrue(ServiceLoader.load(BackboneProvider.class).stream().anyMatch(p -> p.get().name().equals("wrn-mtan")));
        assertTrue(ServiceLoader.load(TaskHeadProvider.class).stream().anyMatch(p -> p.get().name().equals("linear")));
        assertTrue(ServiceLoader.load(MetricProvider.class).stream().anyMatch(p -> p.get().name().equals("top1")));
    }

    @Test
    void defaultsAreThePapers() {
        WrnMtanOptions options = new WrnMtanBackboneProvider().defaultOptions();
        assertEquals(4, options.blocksPerGroup());
        assertArrayEquals(new int[] {16, 64, 128, 256}, options.filters(), "models.md: widths [16,64,128,256]");
        assertEquals(8, new LinearHeadProvider().defaultOptions().pool());
    }

    @Test
    void badOptionsAndTasksAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new WrnMtanOptions(27, 4)).getMessage().contains("'depth'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new WrnMtanOptions(28, 0)).getMessage().contains("'widen'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LinearOptions(-1)).getMessage().contains("'pool'"));
        assertThrows(IllegalArgumentException.class, () -> new LinearHeadProvider().create(LinearOptions.DEFAULT, TaskSpec.depth("d"), 256));
        assertThrows(IllegalArgumentException.class, () -> new Top1MetricProvider().create(MetricAveraging.DEFAULT, TaskSpec.depth("d")));
    }
}
