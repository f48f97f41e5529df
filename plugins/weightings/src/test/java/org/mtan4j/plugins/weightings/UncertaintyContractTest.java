package org.mtan4j.plugins.weightings;

import org.mtan4j.api.NoOptions;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** UncertaintyWeightingProvider passes the Weighting contract. */
class UncertaintyContractTest extends WeightingContract<NoOptions> {

    @Override
    protected WeightingProvider<NoOptions> provider() {
        return new UncertaintyWeightingProvider();
    }

    @Override
    protected NoOptions options() {
        return NoOptions.INSTANCE;
    }
}
