package org.mtan4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaskSpecTest {

    @Test
    void outputChannelsFollowTheKind() {
        assertEquals(13, TaskSpec.segmentation("semantic", 13).outputChannels());
        assertEquals(1, TaskSpec.depth("depth").outputChannels());
        assertEquals(3, TaskSpec.normal("normal").outputChannels());
        assertEquals(10, TaskSpec.classification("svhn", 10).outputChannels());
    }

    @Test
    void rejectsInconsistentSpecs() {
        assertThrows(IllegalArgumentException.class, () -> TaskSpec.segmentation("semantic", 1));
        assertThrows(IllegalArgumentException.class, () -> new TaskSpec("depth", TaskKind.DEPTH, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> TaskSpec.depth(" "));
    }

    @Test
    void kindsRoundTripThroughTheirYamlNames() {
        for (TaskKind kind : TaskKind.values()) {
            assertEquals(kind, TaskKind.fromYamlName(kind.yamlName()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskKind.fromYamlName("colour"));
        assertTrue(e.getMessage().contains("segmentation, depth, normal, classification"), e.getMessage());
    }
}
