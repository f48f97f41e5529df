package org.mtan4j.plugins.segnet;

/** The backbone contract for {@code split, variant wide} with narrow filters. */
class SplitWideBackboneContractTest extends SplitBackboneContractTest {

    @Override
    protected SplitOptions smallOptions() {
        return new SplitOptions(FILTERS, "wide");
    }
}
