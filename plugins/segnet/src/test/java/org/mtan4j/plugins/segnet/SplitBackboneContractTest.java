package org.mtan4j.plugins.segnet;

import java.util.List;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.testkit.BackboneContract;

/** The backbone contract for {@code split} with narrow filters. */
class SplitBackboneContractTest extends BackboneContract<SplitOptions> {

    /** Narrow filters, quick to run. */
    static final List<Integer> FILTERS = List.of(4, 8, 8, 16, 16);

    @Override
    protected BackboneProvider<SplitOptions> provider() {
        return new SplitBackboneProvider();
    }

    @Override
    protected SplitOptions smallOptions() {
        return new SplitOptions(FILTERS, "standard");
    }
}
