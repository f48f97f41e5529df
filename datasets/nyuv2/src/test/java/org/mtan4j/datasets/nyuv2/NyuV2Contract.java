package org.mtan4j.datasets.nyuv2;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.testkit.DatasetContract;

/**
 * The dataset contract on a 32x64 fixture in the published layout ({@link NyuV2Fixture}). With
 * augmentation the fixture's normals are one constant unit vector: the reference's bilinear resize does
 * not re-normalise, so only constant normals stay unit length through it; without, they vary and have
 * unknown pixels.
 */
abstract class NyuV2Contract extends DatasetContract<NyuV2Options> {

    @TempDir
    static Path root;

    private final int train;
    private final int val;
    private final boolean augment;
    private final List<String> tasks;

    NyuV2Contract(int train, int val, boolean augment, List<String> tasks) {
        this.train = train;
        this.val = val;
        this.augment = augment;
        this.tasks = tasks;
    }

    @Override
    protected DatasetProvider<NyuV2Options> provider() {
        return new NyuV2DatasetProvider();
    }

    @Override
    protected NyuV2Options smallOptions() throws Exception {
        if (!root.resolve("train").toFile().exists()) {
            NyuV2Fixture.write(root, 32, 64, train, val, augment);
        }
        return new NyuV2Options(root.toString(), 32, 64, augment, tasks);
    }
}
