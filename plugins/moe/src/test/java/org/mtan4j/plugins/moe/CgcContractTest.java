package org.mtan4j.plugins.moe;

import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.contract.BackboneContract;

/** The backbone contract for {@code cgc}, one shared and one expert per task, narrow SegNet, at 64x96. */
class CgcContractTest extends BackboneContract<CgcOptions> {

    @Override
    protected BackboneProvider<CgcOptions> provider() {
        return new CgcBackboneProvider();
    }

    @Override
    protected CgcOptions smallOptions() {
        return Small.cgc(EncoderOptions.SEGNET, 1, 1);
    }
}
