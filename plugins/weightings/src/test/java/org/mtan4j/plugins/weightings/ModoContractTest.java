package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** ModoWeightingProvider passes the Weighting contract. */
class ModoContractTest extends WeightingContract<ModoWeightingProvider.Options> {

    @Override
    protected WeightingProvider<ModoWeightingProvider.Options> provider() {
        return new ModoWeightingProvider();
    }

    @Override
    protected ModoWeightingProvider.Options options() {
        return provider().defaultOptions();
    }
}
