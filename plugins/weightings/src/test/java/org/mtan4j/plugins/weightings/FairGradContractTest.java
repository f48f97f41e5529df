package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.DegenerateStep;
import org.mtan4j.testkit.WeightingContract;

/** FairGradWeightingProvider passes the Weighting contract. */
class FairGradContractTest extends WeightingContract<FairGradWeightingProvider.Options> {

    @Override
    protected WeightingProvider<FairGradWeightingProvider.Options> provider() {
        return new FairGradWeightingProvider();
    }

    @Override
    protected FairGradWeightingProvider.Options options() {
        return provider().defaultOptions();
    }

    /** Beyond the generic properties, the alpha-fair condition and weight 0 for a zero gradient. */
    @Override
    protected void expectDegenerate(DegenerateStep step) {
        super.expectDegenerate(step);
        DegenerateChecks.assertAlphaFair(step, options().alpha());
    }
}
