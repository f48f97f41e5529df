package org.mtan4j.plugins.wrnmtan;

import java.util.List;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.testkit.BackboneContract;

/** The backbone contract for {@code wrn-mtan}: WRN-10-1 with three classification tasks, at 16x24. */
class WrnMtanBackboneContractTest extends BackboneContract<WrnMtanOptions> {

    @Override
    protected BackboneProvider<WrnMtanOptions> provider() {
        return new WrnMtanBackboneProvider();
    }

    @Override
    protected WrnMtanOptions smallOptions() {
        return new WrnMtanOptions(10, 1);
    }

    @Override
    protected List<TaskSpec> tasks() {
        return List.of(TaskSpec.classification("a", 3), TaskSpec.classification("b", 5), TaskSpec.classification("c", 7));
    }
}
