package org.mtan4j.plugins.moe;

import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.contract.BackboneContract;

/** The backbone contract for {@code dselect-k}, four experts of a narrow SegNet, k = 2, at 64x96. */
class DSelectKContractTest extends BackboneContract<DSelectKOptions> {

    @Override
    protected BackboneProvider<DSelectKOptions> provider() {
        return new DSelectKBackboneProvider();
    }

    @Override
    protected DSelectKOptions smallOptions() {
        return Small.dselectK(EncoderOptions.SEGNET, 4, 2);
    }
}
