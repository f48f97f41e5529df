package org.mtan4j.plugins.weightings;

import org.mtan4j.api.NoOptions;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** PcGradWeightingProvider passes the Weighting contract. */
class PcGradContractTest extends WeightingContract<NoOptions> {

    @Override
    protected WeightingProvider<NoOptions> provider() {
        return new PcGradWeightingProvider();
    }

    @Override
    protected NoOptions options() {
        return NoOptions.INSTANCE;
    }
}
