package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** SdmGradWeightingProvider passes the Weighting contract. */
class SdmGradContractTest extends WeightingContract<SdmGradWeightingProvider.Options> {

    @Override
    protected WeightingProvider<SdmGradWeightingProvider.Options> provider() {
        return new SdmGradWeightingProvider();
    }

    @Override
    protected SdmGradWeightingProvider.Options options() {
        return provider().defaultOptions();
    }
}
