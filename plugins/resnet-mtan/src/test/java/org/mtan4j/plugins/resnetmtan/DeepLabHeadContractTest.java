package org.mtan4j.plugins.resnetmtan;

import java.util.List;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.testkit.TaskHeadContract;

/** The task-head contract for {@code deeplab}, 8 channels wide and without upsampling (the contract's layout). */
class DeepLabHeadContractTest extends TaskHeadContract<DeepLabOptions> {

    @Override
    protected TaskHeadProvider<DeepLabOptions> provider() {
        return new DeepLabHeadProvider();
    }

    @Override
    protected DeepLabOptions smallOptions() {
        return new DeepLabOptions(8, List.of(12, 24, 36), 0.5, 1);
    }
}
