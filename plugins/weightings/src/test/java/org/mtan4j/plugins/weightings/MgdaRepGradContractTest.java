package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.api.contract.WeightingContract;

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
}
