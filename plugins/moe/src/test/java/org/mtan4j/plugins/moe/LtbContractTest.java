package org.mtan4j.plugins.moe;

import java.util.List;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.contract.BackboneContract;

/** The backbone contract for {@code ltb}, narrow SegNet columns branching at five stages (encoder and decoder), at 64x96. */
class LtbContractTest extends BackboneContract<LtbOptions> {

    @Override
    protected BackboneProvider<LtbOptions> provider() {
        return new LtbBackboneProvider();
    }

    @Override
    protected LtbOptions smallOptions() {
        return Small.ltb(EncoderOptions.SEGNET, List.of(1, 2, 3, 4, 7));
    }
}
