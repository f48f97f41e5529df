package org.mtan4j.plugins.weightings;

import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.WeightingContract;
import org.mtan4j.testkit.WeightingStep;

/** DbMtlWeightingProvider passes the Weighting contract. */
class DbMtlContractTest extends WeightingContract<DbMtlWeightingProvider.Options> {

    /** Tracks the method's averages from the steps the contract shows. */
    private final ClosedForms.DbMtl closedForm = new ClosedForms.DbMtl(options());

    @Override
    protected WeightingProvider<DbMtlWeightingProvider.Options> provider() {
        return new DbMtlWeightingProvider();
    }

    @Override
    protected DbMtlWeightingProvider.Options options() {
        return new DbMtlWeightingProvider().defaultOptions();
    }

    /** The moving averages of the log-losses' gradients, scaled to the largest norm. */
    @Override
    protected void expectSharedGradient(WeightingStep step) {
        closedForm.assertStep(step);
    }
}
