package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;
import org.mtan4j.testkit.WeightingStep;

/** MoCoWeightingProvider passes the Weighting contract. */
class MoCoContractTest extends WeightingContract<MoCoWeightingProvider.Options> {

    /** Tracks the method's averages from the steps the contract shows. */
    private final ClosedForms.MoCo closedForm = new ClosedForms.MoCo(options());

    @Override
    protected WeightingProvider<MoCoWeightingProvider.Options> provider() {
        return new MoCoWeightingProvider();
    }

    @Override
    protected MoCoWeightingProvider.Options options() {
        return provider().defaultOptions();
    }

    /** The tracked gradients, combined with the weights' softmax step. */
    @Override
    protected void expectSharedGradient(WeightingStep step) {
        closedForm.assertStep(step);
    }
}
