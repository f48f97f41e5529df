package org.mtan4j.plugins.weightings;

import org.mtan4j.api.NoOptions;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.DegenerateStep;
import org.mtan4j.testkit.WeightingContract;

/** RlwWeightingProvider passes the Weighting contract. */
class RlwContractTest extends WeightingContract<NoOptions> {

    @Override
    protected WeightingProvider<NoOptions> provider() {
        return new RlwWeightingProvider();
    }

    @Override
    protected NoOptions options() {
        return NoOptions.INSTANCE;
    }

    /** Identical tasks draw different random weights; otherwise the generic properties. */
    @Override
    protected void expectDegenerate(DegenerateStep step) {
        if (step.kind() == DegenerateStep.Case.IDENTICAL_TASKS) {
            DegenerateChecks.assertOnlyTheDrawsDiffer(step);
        } else {
            super.expectDegenerate(step);
        }
    }
}
