package org.mtan4j.datasets.office;

import java.nio.file.Path;

/** The contract on an Office-31 amazon tree with its split lists. */
class Office31ListsContractTest extends OfficeContract<Office31Options> {

    Office31ListsContractTest() {
        super(new Office31DatasetProvider(), "amazon", true);
    }

    @Override
    protected Office31Options options(Path root, String domain) {
        return new Office31Options(root.toString(), domain, 16, "", 0, true);
    }
}
