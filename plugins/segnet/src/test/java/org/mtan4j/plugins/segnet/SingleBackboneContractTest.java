package org.mtan4j.plugins.segnet;

import java.util.List;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.testkit.BackboneContract;

/** The backbone contract for {@code single} with narrow filters. */
class SingleBackboneContractTest extends BackboneContract<SegNetOptions> {

    private static final List<Integer> FILTERS = List.of(4, 8, 8, 16, 16);

    @Override
    protected BackboneProvider<SegNetOptions> provider() {
        return new SingleBackboneProvider();
    }

    @Override
    protected SegNetOptions smallOptions() {
        return new SegNetOptions(FILTERS);
    }
}
