package org.mtan4j.plugins.moe;

import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.contract.BackboneContract;

/** The backbone contract for {@code mmoe}, two experts of a narrow SegNet, at 64x96. */
class MmoeContractTest extends BackboneContract<MmoeOptions> {

    @Override
    protected BackboneProvider<MmoeOptions> provider() {
        return new MmoeBackboneProvider();
    }

    @Override
    protected MmoeOptions smallOptions() {
        return Small.mmoe(EncoderOptions.SEGNET, 2);
    }
}
