package org.mtan4j.plugins.segnet;

import java.util.List;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.testkit.BackboneContract;

/** The backbone contract for {@code mtan} with two tasks, as the CityScapes runs (narrow filters). */
class MtanTwoTasksContractTest extends BackboneContract<SegNetOptions> {

    @Override
    protected BackboneProvider<SegNetOptions> provider() {
        return new MtanBackboneProvider();
    }

    @Override
    protected SegNetOptions smallOptions() {
        return new SegNetOptions(List.of(4, 8, 8, 16, 16));
    }

    @Override
    protected List<TaskSpec> tasks() {
        return List.of(TaskSpec.segmentation("semantic", 7), TaskSpec.depth("depth"));
    }
}
