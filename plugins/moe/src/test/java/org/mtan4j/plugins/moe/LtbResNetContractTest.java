package org.mtan4j.plugins.moe;

import java.util.List;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.contract.BackboneContract;

/** The backbone contract for {@code ltb}, narrow dilated ResNet columns branching before each layer (LibMTL's), at 64x96. */
class LtbResNetContractTest extends BackboneContract<LtbOptions> {

    @Override
    protected BackboneProvider<LtbOptions> provider() {
        return new LtbBackboneProvider();
    }

    @Override
    protected LtbOptions smallOptions() {
        return Small.ltb(EncoderOptions.RESNET50_DILATED, List.of(1, 2, 3, 4));
    }
}
