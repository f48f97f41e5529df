package org.mtan4j.plugins.moe;

import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.contract.BackboneContract;

/** The backbone contract for {@code mmoe}, two experts of a narrow dilated ResNet, at 64x96. */
class MmoeResNetContractTest extends BackboneContract<MmoeOptions> {

    @Override
    protected BackboneProvider<MmoeOptions> provider() {
        return new MmoeBackboneProvider();
    }

    @Override
    protected MmoeOptions smallOptions() {
        return Small.mmoe(EncoderOptions.RESNET50_DILATED, 2);
    }
}
