package org.mtan4j.plugins.weightings;

import org.mtan4j.api.NoOptions;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.testkit.DegenerateStep;
import org.mtan4j.testkit.WeightingContract;

/** ConfigWeightingProvider passes the Weighting contract. */
class ConfigContractTest extends WeightingContract<NoOptions> {

    @Override
    protected WeightingProvider<NoOptions> provider() {
        return new ConfigWeightingProvider();
    }

    @Override
    protected NoOptions options() {
        return NoOptions.INSTANCE;
    }

    /** ConFIG's update has equal cosine with every task gradient: weight 0 for a zero gradient, equal projections. */
    @Override
    protected void expectDegenerate(DegenerateStep step) {
        super.expectDegenerate(step);
        DegenerateChecks.assertImpartial(step);
    }
}
