package org.mtan4j.plugins.moe;

import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.contract.BackboneContract;

/** The backbone contract for {@code ple}, three levels of a narrow SegNet, one shared and one expert per task, at 64x96. */
class PleContractTest extends BackboneContract<PleOptions> {

    @Override
    protected BackboneProvider<PleOptions> provider() {
        return new PleBackboneProvider();
    }

    @Override
    protected PleOptions smallOptions() {
        return Small.ple(EncoderOptions.SEGNET, 1, 1, 3);
    }
}
