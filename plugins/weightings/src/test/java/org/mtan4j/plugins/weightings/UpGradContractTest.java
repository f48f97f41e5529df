package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.api.contract.WeightingContract;

/** UpGradWeightingProvider passes the Weighting contract. */
class UpGradContractTest extends WeightingContract<UpGradWeightingProvider.Options> {

    @Override
    protected WeightingProvider<UpGradWeightingProvider.Options> provider() {
        return new UpGradWeightingProvider();
    }

    @Override
    protected UpGradWeightingProvider.Options options() {
        return new UpGradWeightingProvider().defaultOptions();
    }
}
