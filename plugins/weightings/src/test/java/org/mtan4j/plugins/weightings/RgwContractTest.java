package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.DegenerateStep;
import org.mtan4j.testkit.WeightingContract;

/** RgwWeightingProvider passes the Weighting contract. */
class RgwContractTest extends WeightingContract<RgwWeightingProvider.Options> {

    @Override
    protected WeightingProvider<RgwWeightingProvider.Options> provider() {
        return new RgwWeightingProvider();
    }

    @Override
    protected RgwWeightingProvider.Options options() {
        return provider().defaultOptions();
    }

    /** Identical tasks draw different random weights but get the same task-specific gradients (unweighted). */
    @Override
    protected void expectDegenerate(DegenerateStep step) {
        if (step.kind() == DegenerateStep.Case.IDENTICAL_TASKS) {
            DegenerateChecks.assertSameOwnGradients(step, 0, 1);
        } else {
            super.expectDegenerate(step);
        }
    }
}
