package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.DegenerateStep;
import org.mtan4j.testkit.WeightingContract;

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

    /** Each projection onto the dual cone, and so their sum, conflicts with no task. */
    @Override
    protected void expectDegenerate(DegenerateStep step) {
        super.expectDegenerate(step);
        DegenerateChecks.assertNonConflicting(step);
    }
}
