package org.mtan4j.datasets.decathlon;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.testkit.DatasetContract;

/** The dataset contract on a small domain tree ({@link DecathlonFixture}), augmentation on. */
abstract class DecathlonContract extends DatasetContract<DecathlonOptions> {

    @TempDir
    static Path root;

    private final String domain;
    private final boolean pickle;
    private final int size;

    /**
     * A contract run.
     *
     * @param pickle whether the devkit's mean/std pickle is there (else the statistics are computed)
     * @param size the crop size
     */
    DecathlonContract(String domain, boolean pickle, int size) {
        this.domain = domain;
        this.pickle = pickle;
        this.size = size;
    }

    @Override
    protected DatasetProvider<DecathlonOptions> provider() {
        return new DecathlonDatasetProvider();
    }

    @Override
    protected DecathlonOptions smallOptions() throws Exception {
        if (!root.resolve(domain).toFile().exists()) {
            DecathlonFixture.write(root, domain, pickle);
        }
        return DecathlonOptions.DEFAULTS.withRoot(root.toString()).withDomain(domain).withSize(size);
    }
}
