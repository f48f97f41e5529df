package org.mtan4j.datasets.decathlon;

/** The dataset contract on a gtsrb tree without a pickle (statistics computed), 12x12 crops. */
class DecathlonComputedStatsContractTest extends DecathlonContract {

    DecathlonComputedStatsContractTest() {
        super("gtsrb", false, 12);
    }
}
