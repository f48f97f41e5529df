package org.mtan4j.plugins.resnetmtan;

import java.util.List;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.testkit.BackboneContract;

/** The backbone contract for {@code resnet-mtan}, narrow (base width 8, two blocks per stage), at 16x24. */
class ResNetMtanBackboneContractTest extends BackboneContract<ResNetMtanOptions> {

    @Override
    protected BackboneProvider<ResNetMtanOptions> provider() {
        return new ResNetMtanBackboneProvider();
    }

    @Override
    protected ResNetMtanOptions smallOptions() {
        return new ResNetMtanOptions(8, List.of(2, 2, 2, 2));
    }
}
