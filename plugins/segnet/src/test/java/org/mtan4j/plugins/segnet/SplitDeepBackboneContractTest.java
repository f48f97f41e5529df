package org.mtan4j.plugins.segnet;

/** The backbone contract for {@code split, variant deep} with narrow filters. */
class SplitDeepBackboneContractTest extends SplitBackboneContractTest {

    @Override
    protected SplitOptions smallOptions() {
        return new SplitOptions(FILTERS, "deep");
    }
}
