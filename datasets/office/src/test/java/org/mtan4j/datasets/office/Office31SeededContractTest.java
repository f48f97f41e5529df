package org.mtan4j.datasets.office;

import java.nio.file.Path;

/** The contract on an Office-31 webcam tree without split lists: the seeded split. */
class Office31SeededContractTest extends OfficeContract<Office31Options> {

    Office31SeededContractTest() {
        super(new Office31DatasetProvider(), "webcam", false);
    }

    @Override
    protected Office31Options options(Path root, String domain) {
        return new Office31Options(root.toString(), domain, 16, "", 3, true);
    }
}
