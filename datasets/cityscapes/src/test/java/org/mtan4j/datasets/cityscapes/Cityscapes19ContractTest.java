package org.mtan4j.datasets.cityscapes;

/** The dataset contract on a 32x64 fixture in the published layout with the 19-class labels. */
class Cityscapes19ContractTest extends Cityscapes7ContractTest {

    @Override
    protected CityscapesOptions smallOptions() throws Exception {
        return super.smallOptions().withClasses(19);
    }
}
