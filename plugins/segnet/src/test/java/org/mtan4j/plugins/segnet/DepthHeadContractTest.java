package org.mtan4j.plugins.segnet;

import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.testkit.TaskHeadContract;

/** The task-head contract for {@link DepthHeadProvider}. */
class DepthHeadContractTest extends TaskHeadContract<NoOptions> {

    @Override
    protected TaskHeadProvider<NoOptions> provider() {
        return new DepthHeadProvider();
    }

    @Override
    protected NoOptions smallOptions() {
        return NoOptions.INSTANCE;
    }
}
