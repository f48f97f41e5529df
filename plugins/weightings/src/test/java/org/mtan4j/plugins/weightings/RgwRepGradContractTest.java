package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.api.contract.DegenerateStep;
import org.mtan4j.api.contract.WeightingContract;

/** RGW on representation gradients (rep-grad) passes the Weighting contract. */
class RgwRepGradContractTest extends WeightingContract<RgwWeightingProvider.Options> {

    @Override
    protected WeightingProvider<RgwWeightingProvider.Options> provider() {
        return new RgwWeightingProvider();
    }

    @Override
    protected RgwWeightingProvider.Options options() {
        return new RgwWeightingProvider.Options(true);
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
