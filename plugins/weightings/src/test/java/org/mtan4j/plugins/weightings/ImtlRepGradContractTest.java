package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.DegenerateStep;
import org.mtan4j.testkit.WeightingContract;
import org.mtan4j.testkit.WeightingStep;

/** Imtl with representation gradients (rep_grad) passes the Weighting contract. */
class ImtlRepGradContractTest extends WeightingContract<ImtlWeightingProvider.Options> {

    @Override
    protected WeightingProvider<ImtlWeightingProvider.Options> provider() {
        return new ImtlWeightingProvider();
    }

    @Override
    protected ImtlWeightingProvider.Options options() {
        return new ImtlWeightingProvider.Options(true);
    }

    /** As without rep-grad, in the representation's space. */
    @Override
    protected void expectDegenerate(DegenerateStep step) {
        super.expectDegenerate(step);
        DegenerateChecks.assertImpartial(step);
    }

    /** As without rep-grad: the scaled losses' gradients, back-propagated through the representation. */
    @Override
    protected void expectSharedGradient(WeightingStep step) {
        ClosedForms.assertImtl(step);
    }
}
