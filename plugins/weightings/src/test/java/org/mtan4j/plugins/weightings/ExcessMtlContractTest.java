package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** ExcessMtlWeightingProvider passes the Weighting contract. */
class ExcessMtlContractTest extends WeightingContract<ExcessMtlWeightingProvider.Options> {

    @Override
    protected WeightingProvider<ExcessMtlWeightingProvider.Options> provider() {
        return new ExcessMtlWeightingProvider();
    }

    @Override
    protected ExcessMtlWeightingProvider.Options options() {
        return provider().defaultOptions();
    }
}
