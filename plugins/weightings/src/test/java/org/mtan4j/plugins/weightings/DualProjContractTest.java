package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.DegenerateStep;
import org.mtan4j.testkit.WeightingContract;

/** DualProjWeightingProvider passes the Weighting contract. */
class DualProjContractTest extends WeightingContract<DualProjWeightingProvider.Options> {

    @Override
    protected WeightingProvider<DualProjWeightingProvider.Options> provider() {
        return new DualProjWeightingProvider();
    }

    @Override
    protected DualProjWeightingProvider.Options options() {
        return provider().defaultOptions();
    }

    /** The projection onto the dual cone conflicts with no task. */
    @Override
    protected void expectDegenerate(DegenerateStep step) {
        super.expectDegenerate(step);
        DegenerateChecks.assertNonConflicting(step);
    }
}
