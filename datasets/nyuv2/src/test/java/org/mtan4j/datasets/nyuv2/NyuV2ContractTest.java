package org.mtan4j.datasets.nyuv2;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.contract.DatasetContract;

/**
 * The dataset contract on a 32x64 fixture in the published layout, augmentation on. The fixture's
 * normals are one constant unit vector: the reference's bilinear resize does not re-normalise, so
 * only constant normals stay unit length through it (see {@link NyuV2PlainContractTest} for varied
 * normals without augmentation).
 */
class NyuV2ContractTest extends DatasetContract<NyuV2Options> {

    @TempDir
    static Path root;

    @Override
    protected DatasetProvider<NyuV2Options> provider() {
        return new NyuV2DatasetProvider();
    }

    @Override
    protected NyuV2Options smallOptions() throws Exception {
        if (!root.resolve("train").toFile().exists()) {
            NyuV2Fixture.write(root, 32, 64, 4, 3, true);
        }
        return NyuV2Options.DEFAULTS.withRoot(root.toString()).withSize(32, 64).withAugment(true);
    }
}
