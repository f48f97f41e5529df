package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** MoCoWeightingProvider passes the Weighting contract. */
class MoCoContractTest extends WeightingContract<MoCoWeightingProvider.Options> {

    @Override
    protected WeightingProvider<MoCoWeightingProvider.Options> provider() {
        return new MoCoWeightingProvider();
    }

    @Override
    protected MoCoWeightingProvider.Options options() {
        return provider().defaultOptions();
    }
}
