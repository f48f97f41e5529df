package org.mtan4j.datasets.office;

import java.nio.file.Path;

/** The contract on an Office-Home Real_World tree with its split lists. */
class OfficeHomeListsContractTest extends OfficeContract<OfficeHomeOptions> {

    OfficeHomeListsContractTest() {
        super(new OfficeHomeDatasetProvider(), "Real_World", true);
    }

    @Override
    protected OfficeHomeOptions options(Path root, String domain) {
        return new OfficeHomeOptions(root.toString(), domain, 16, "", 0, true);
    }
}
