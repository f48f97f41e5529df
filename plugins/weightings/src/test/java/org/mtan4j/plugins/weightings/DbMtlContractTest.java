package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** DbMtlWeightingProvider passes the Weighting contract. */
class DbMtlContractTest extends WeightingContract<DbMtlWeightingProvider.Options> {

    @Override
    protected WeightingProvider<DbMtlWeightingProvider.Options> provider() {
        return new DbMtlWeightingProvider();
    }

    @Override
    protected DbMtlWeightingProvider.Options options() {
        return new DbMtlWeightingProvider().defaultOptions();
    }
}
