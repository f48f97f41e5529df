package org.mtan4j.plugins.wrnmtan;

import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.testkit.TaskHeadContract;

/** The task-head contract for {@code linear} with the reference's pooling (8x12 features pool to 1x1). */
class LinearHeadContractTest extends TaskHeadContract<LinearOptions> {

    @Override
    protected TaskHeadProvider<LinearOptions> provider() {
        return new LinearHeadProvider();
    }

    @Override
    protected LinearOptions smallOptions() {
        return LinearOptions.DEFAULT;
    }
}
