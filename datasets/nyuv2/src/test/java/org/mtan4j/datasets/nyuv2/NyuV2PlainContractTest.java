package org.mtan4j.datasets.nyuv2;

import java.util.List;

/** The dataset contract on a fixture with varied normals and unknown pixels, no augmentation, two tasks. */
class NyuV2PlainContractTest extends NyuV2Contract {

    NyuV2PlainContractTest() {
        super(3, 4, false, List.of("normal", "semantic"));
    }
}
