package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.DegenerateStep;
import org.mtan4j.testkit.WeightingContract;

/** MgdaWeightingProvider passes the Weighting contract. */
class MgdaContractTest extends WeightingContract<MgdaWeightingProvider.Options> {

    @Override
    protected WeightingProvider<MgdaWeightingProvider.Options> provider() {
        return new MgdaWeightingProvider();
    }

    @Override
    protected MgdaWeightingProvider.Options options() {
        return new MgdaWeightingProvider.Options("loss+", false);
    }

    /** MGDA prescribes its min-norm point in every case; the weights of identical tasks may split anyhow. */
    @Override
    protected void expectDegenerate(DegenerateStep step) {
        DegenerateChecks.assertMinNormPoint(step, options().normalization(), options().repGrad());
    }
}
