package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** DwaWeightingProvider passes the Weighting contract. */
class DwaContractTest extends WeightingContract<DwaWeightingProvider.Options> {

    @Override
    protected WeightingProvider<DwaWeightingProvider.Options> provider() {
        return new DwaWeightingProvider();
    }

    @Override
    protected DwaWeightingProvider.Options options() {
        return new DwaWeightingProvider.Options(2);
    }
}
