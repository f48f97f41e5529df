package org.mtan4j.datasets.cityscapes;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.testkit.DatasetContract;

/** The dataset contract on a 32x64 fixture in the published layout with the 7-class labels. */
class Cityscapes7ContractTest extends DatasetContract<CityscapesOptions> {

    @TempDir
    static Path root;

    @Override
    protected DatasetProvider<CityscapesOptions> provider() {
        return new CityscapesDatasetProvider();
    }

    @Override
    protected CityscapesOptions smallOptions() throws Exception {
        if (!root.resolve("train").toFile().exists()) {
            CityscapesFixture.write(root, 32, 64, 3, 2);
        }
        return CityscapesOptions.DEFAULTS.withRoot(root.toString()).withSize(32, 64).withClasses(7);
    }
}
