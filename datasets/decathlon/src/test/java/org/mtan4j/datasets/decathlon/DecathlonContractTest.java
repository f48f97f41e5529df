package org.mtan4j.datasets.decathlon;

/** The dataset contract on a small cifar100 tree with the devkit pickle, 16x16 crops. */
class DecathlonContractTest extends DecathlonContract {

    DecathlonContractTest() {
        super("cifar100", true, 16);
    }
}
