package org.mtan4j.plugins.moe;

import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.contract.BackboneContract;

/** The backbone contract for {@code ple}, five levels (LibMTL's) of a narrow dilated ResNet, at 64x96. */
class PleResNetContractTest extends BackboneContract<PleOptions> {

    @Override
    protected BackboneProvider<PleOptions> provider() {
        return new PleBackboneProvider();
    }

    @Override
    protected PleOptions smallOptions() {
        return Small.ple(EncoderOptions.RESNET50_DILATED, 1, 1, 5);
    }
}
