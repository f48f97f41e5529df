package org.mtan4j.datasets.synthetic.shapes;

import org.mtan4j.api.DatasetProvider;
import org.mtan4j.testkit.DatasetContract;

/** The dataset contract on a small shape domain. */
class SyntheticShapesContractTest extends DatasetContract<SyntheticShapesOptions> {

    @Override
    protected DatasetProvider<SyntheticShapesOptions> provider() {
        return new SyntheticShapesProvider();
    }

    @Override
    protected SyntheticShapesOptions smallOptions() {
        return new SyntheticShapesOptions("shape", 6, 4, 16, 3L);
    }
}
