package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** CaGradWeightingProvider passes the Weighting contract. */
class CaGradContractTest extends WeightingContract<CaGradWeightingProvider.Options> {

    @Override
    protected WeightingProvider<CaGradWeightingProvider.Options> provider() {
        return new CaGradWeightingProvider();
    }

    @Override
    protected CaGradWeightingProvider.Options options() {
        return new CaGradWeightingProvider().defaultOptions();
    }
}
