package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** GradNormWeightingProvider passes the Weighting contract. */
class GradNormContractTest extends WeightingContract<GradNormWeightingProvider.Options> {

    @Override
    protected WeightingProvider<GradNormWeightingProvider.Options> provider() {
        return new GradNormWeightingProvider();
    }

    @Override
    protected GradNormWeightingProvider.Options options() {
        return new GradNormWeightingProvider().defaultOptions();
    }
}
