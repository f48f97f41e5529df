package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;

/** GradVacWeightingProvider passes the Weighting contract. */
class GradVacContractTest extends WeightingContract<GradVacWeightingProvider.Options> {

    @Override
    protected WeightingProvider<GradVacWeightingProvider.Options> provider() {
        return new GradVacWeightingProvider();
    }

    @Override
    protected GradVacWeightingProvider.Options options() {
        return new GradVacWeightingProvider().defaultOptions();
    }
}
