package org.mtan4j.datasets.decathlon;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.contract.DatasetContract;

/** The dataset contract on a small cifar100 tree with the devkit pickle, augmentation on, 16x16 crops. */
class DecathlonContractTest extends DatasetContract<DecathlonOptions> {

    @TempDir
    static Path root;

    @Override
    protected DatasetProvider<DecathlonOptions> provider() {
        return new DecathlonDatasetProvider();
    }

    @Override
    protected DecathlonOptions smallOptions() throws Exception {
        if (!root.resolve("cifar100").toFile().exists()) {
            DecathlonFixture.write(root, "cifar100", true);
        }
        return DecathlonOptions.DEFAULTS.withRoot(root.toString()).withDomain("cifar100").withSize(16);
    }
}
