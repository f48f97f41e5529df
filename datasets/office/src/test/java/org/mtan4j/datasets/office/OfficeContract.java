package org.mtan4j.datasets.office;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.testkit.DatasetContract;

/**
 * The dataset contract on a small domain tree in the published layout ({@link OfficeFixture}), 16x16
 * images, augmentation on.
 *
 * @param <O> the benchmark's options
 */
abstract class OfficeContract<O extends OfficeOptions> extends DatasetContract<O> {

    @TempDir
    static Path root;

    private final OfficeDatasetProvider<O> provider;
    private final String domain;
    private final boolean lists;

    /**
     * A contract run.
     *
     * @param lists whether the domain's split lists are there (else the seeded split)
     */
    OfficeContract(OfficeDatasetProvider<O> provider, String domain, boolean lists) {
        this.provider = provider;
        this.domain = domain;
        this.lists = lists;
    }

    @Override
    protected DatasetProvider<O> provider() {
        return provider;
    }

    /** The options of this run's domain under {@code root}, 16x16, augmented. */
    protected abstract O options(Path root, String domain);

    @Override
    protected O smallOptions() throws Exception {
        if (!Files.exists(root.resolve(domain))) {
            OfficeFixture.write(root, provider.defaultOptions().benchmark(), domain, 5, lists);
        }
        return options(root, domain);
    }
}
