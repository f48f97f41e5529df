package org.mtan4j.plugins.segnet;

import java.util.List;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.testkit.BackboneContract;

/** The backbone contract for {@code mtan} with narrow filters. */
class MtanBackboneContractTest extends BackboneContract<SegNetOptions> {

    private static final List<Integer> FILTERS = List.of(4, 8, 8, 16, 16);

    @Override
    protected BackboneProvider<SegNetOptions> provider() {
        return new MtanBackboneProvider();
    }

    @Override
    protected SegNetOptions smallOptions() {
        return new SegNetOptions(FILTERS);
    }
}
