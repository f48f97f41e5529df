package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** StchWeightingProvider passes the Weighting contract. */
class StchContractTest extends WeightingContract<StchWeightingProvider.Options> {

    @Override
    protected WeightingProvider<StchWeightingProvider.Options> provider() {
        return new StchWeightingProvider();
    }

    @Override
    protected StchWeightingProvider.Options options() {
        return new StchWeightingProvider.Options(1.0, 1);
    }
}
