package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.DegenerateStep;
import org.mtan4j.testkit.WeightingContract;
import org.mtan4j.testkit.WeightingStep;

/** ImtlWeightingProvider passes the Weighting contract. */
class ImtlContractTest extends WeightingContract<ImtlWeightingProvider.Options> {

    @Override
    protected WeightingProvider<ImtlWeightingProvider.Options> provider() {
        return new ImtlWeightingProvider();
    }

    @Override
    protected ImtlWeightingProvider.Options options() {
        return new ImtlWeightingProvider().defaultOptions();
    }

    /**
     * Next to a zero gradient the other tasks get equal projections and the zero task weight 0; identical
     * tasks get the same weight and every task the same projection (the pseudo-inverse's solution).
     */
    @Override
    protected void expectDegenerate(DegenerateStep step) {
        super.expectDegenerate(step);
        DegenerateChecks.assertImpartial(step);
    }

    /** The combination of the scaled losses' gradients. */
    @Override
    protected void expectSharedGradient(WeightingStep step) {
        ClosedForms.assertImtl(step);
    }
}
