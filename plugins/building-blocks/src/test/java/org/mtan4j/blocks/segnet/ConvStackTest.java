package org.mtan4j.blocks.segnet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stack of conv units takes the reference's names: a bare unit alone, an nn.Sequential of units otherwise. */
class ConvStackTest {

    @Test
    void namesFollowTheReferenceSequential() {
        Map<String, Parameter> stack = new LinkedHashMap<>();
        ConvStack.of(4, 2, 1).putStateDictEntries("conv_block_enc.2.", stack);
        assertTrue(stack.containsKey("conv_block_enc.2.1.0.weight"));
        Map<String, Parameter> single = new LinkedHashMap<>();
        ConvStack.of(4, 1, 1).putStateDictEntries("conv_block_enc.0.", single);
        assertTrue(single.containsKey("conv_block_enc.0.0.weight"));
    }
}
