package org.mtan4j.datasets.synthetic;

import org.mtan4j.api.DatasetProvider;
import org.mtan4j.testkit.DatasetContract;

/** The dataset contract on a few small scenes, with augmentation on so that flipped samples are checked too. */
class SyntheticDatasetContractTest extends DatasetContract<SyntheticOptions> {

    @Override
    protected DatasetProvider<SyntheticOptions> provider() {
        return new SyntheticDatasetProvider();
    }

    @Override
    protected SyntheticOptions smallOptions() {
        return new SyntheticOptions(32, 32, 4, 3, 7L, true);
    }
}
