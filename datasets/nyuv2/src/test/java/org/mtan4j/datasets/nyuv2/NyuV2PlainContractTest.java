package org.mtan4j.datasets.nyuv2;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.contract.DatasetContract;

/** The dataset contract on a fixture with varied normals and unknown pixels, no augmentation, two tasks. */
class NyuV2PlainContractTest extends DatasetContract<NyuV2Options> {

    @TempDir
    static Path root;

    @Override
    protected DatasetProvider<NyuV2Options> provider() {
        return new NyuV2DatasetProvider();
    }

    @Override
    protected NyuV2Options smallOptions() throws Exception {
        if (!root.resolve("train").toFile().exists()) {
            NyuV2Fixture.write(root, 32, 64, 3, 4, false);
        }
        return new NyuV2Options(root.toString(), 32, 64, false, java.util.List.of("normal", "semantic"));
    }
}
