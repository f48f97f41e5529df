package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** NashMtlWeightingProvider passes the Weighting contract. */
class NashMtlContractTest extends WeightingContract<NashMtlWeightingProvider.Options> {

    @Override
    protected WeightingProvider<NashMtlWeightingProvider.Options> provider() {
        return new NashMtlWeightingProvider();
    }

    @Override
    protected NashMtlWeightingProvider.Options options() {
        return new NashMtlWeightingProvider().defaultOptions();
    }
}
