package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.api.contract.WeightingContract;

/** ImtlWeightingProvider passes the Weighting contract. */
class ImtlContractTest extends WeightingContract<ImtlWeightingProvider.Options> {

    @Override
    protected WeightingProvider<ImtlWeightingProvider.Options> provider() {
        return new ImtlWeightingProvider();
    }

    @Override
    protected ImtlWeightingProvider.Options options() {
        return new ImtlWeightingProvider().defaultOptions();
    }
}
