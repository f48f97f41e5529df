package org.mtan4j.plugins.weightings;

import org.mtan4j.api.NoOptions;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** GlsWeightingProvider passes the Weighting contract. */
class GlsContractTest extends WeightingContract<NoOptions> {

    @Override
    protected WeightingProvider<NoOptions> provider() {
        return new GlsWeightingProvider();
    }

    @Override
    protected NoOptions options() {
        return NoOptions.INSTANCE;
    }
}
