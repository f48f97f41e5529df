package org.mtan4j.plugins.weightings;

/** RGW on representation gradients (rep-grad) passes the Weighting contract. */
class RgwRepGradContractTest extends RgwContractTest {

    @Override
    protected RgwWeightingProvider.Options options() {
        return new RgwWeightingProvider.Options(true);
    }
}
