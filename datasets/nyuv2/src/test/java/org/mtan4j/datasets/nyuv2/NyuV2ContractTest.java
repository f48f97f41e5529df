package org.mtan4j.datasets.nyuv2;

/** The dataset contract with augmentation on and all three tasks. */
class NyuV2ContractTest extends NyuV2Contract {

    NyuV2ContractTest() {
        super(4, 3, true, NyuV2Options.ALL_TASKS);
    }
}
