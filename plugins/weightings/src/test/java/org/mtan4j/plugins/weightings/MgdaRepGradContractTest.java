package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.DegenerateStep;
import org.mtan4j.testkit.WeightingContract;

/** Mgda with representation gradients (rep_grad) passes the Weighting contract. */
class MgdaRepGradContractTest extends WeightingContract<MgdaWeightingProvider.Options> {

    @Override
    protected WeightingProvider<MgdaWeightingProvider.Options> provider() {
        return new MgdaWeightingProvider();
    }

    @Override
    protected MgdaWeightingProvider.Options options() {
        return new MgdaWeightingProvider.Options("l2", true);
    }

    /** MGDA prescribes its min-norm point in every case; the weights of identical tasks may split anyhow. */
    @Override
    protected void expectDegenerate(DegenerateStep step) {
        DegenerateChecks.assertMinNormPoint(step, options().normalization(), options().repGrad());
    }
}
