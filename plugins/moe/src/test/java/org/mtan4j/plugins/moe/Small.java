package org.mtan4j.plugins.moe;

import java.util.List;

/** Narrow encoders for tests that run in seconds. */
final class Small {

    /** Narrow SegNet widths. */
    static final List<Integer> FILTERS = List.of(4, 8, 8, 8, 8);

    /** A narrow dilated ResNet: base width 4, one bottleneck per stage. */
    static final int BASE = 4;

    /** One bottleneck per stage. */
    static final List<Integer> BLOCKS = List.of(1, 1, 1, 1);

    private Small() {
    }

    static MmoeOptions mmoe(String encoder, int experts) {
        return new MmoeOptions(encoder, FILTERS, BASE, BLOCKS, experts);
    }

    static CgcOptions cgc(String encoder, int shared, int perTask) {
        return new CgcOptions(encoder, FILTERS, BASE, BLOCKS, shared, perTask);
    }

    static PleOptions ple(String encoder, int shared, int perTask, int levels) {
        return new PleOptions(encoder, FILTERS, BASE, BLOCKS, shared, perTask, levels);
    }

    static DSelectKOptions dselectK(String encoder, int experts, int k) {
        return new DSelectKOptions(encoder, FILTERS, BASE, BLOCKS, experts, k, 1.0);
    }

    static LtbOptions ltb(String encoder, List<Integer> branching) {
        return new LtbOptions(encoder, FILTERS, BASE, BLOCKS, branching, 0.01, 0.05);
    }
}
