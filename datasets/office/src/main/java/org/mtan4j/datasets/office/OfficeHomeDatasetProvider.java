package org.mtan4j.datasets.office;

/** Provider of the {@code office-home} dataset: one Office-Home domain (Art, Clipart, Product or Real_World), 65 classes. */
public final class OfficeHomeDatasetProvider extends OfficeDatasetProvider<OfficeHomeOptions> {

    /** Creates the provider; stateless and cheap. */
    public OfficeHomeDatasetProvider() {
        super(OfficeBenchmark.OFFICE_HOME, "Office-Home", OfficeHomeOptions.class, OfficeHomeOptions.DEFAULTS);
    }
}
