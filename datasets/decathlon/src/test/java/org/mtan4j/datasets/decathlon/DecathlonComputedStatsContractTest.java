package org.mtan4j.datasets.decathlon;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.contract.DatasetContract;

/** The dataset contract on a gtsrb tree without a pickle (statistics computed), 12x12 crops. */
class DecathlonComputedStatsContractTest extends DatasetContract<DecathlonOptions> {

    @TempDir
    static Path root;

    @Override
    protected DatasetProvider<DecathlonOptions> provider() {
        return new DecathlonDatasetProvider();
    }

    @Override
    protected DecathlonOptions smallOptions() throws Exception {
        if (!root.resolve("gtsrb").toFile().exists()) {
            DecathlonFixture.write(root, "gtsrb", false);
        }
        return DecathlonOptions.DEFAULTS.withRoot(root.toString()).withDomain("gtsrb").withSize(12);
    }
}
