package org.mtan4j.datasets.office;

/** Provider of the {@code office-31} dataset: one Office-31 domain (amazon, dslr or webcam), 31 classes. */
public final class Office31DatasetProvider extends OfficeDatasetProvider<Office31Options> {

    /** Creates the provider; stateless and cheap. */
    public Office31DatasetProvider() {
        super(OfficeBenchmark.OFFICE_31, "Office-31", Office31Options.class, Office31Options.DEFAULTS);
    }
}
