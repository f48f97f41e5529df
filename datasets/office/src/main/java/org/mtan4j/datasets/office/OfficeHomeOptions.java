package org.mtan4j.datasets.office;

/**
 * Options of the {@code office-home} dataset: one Office-Home domain. See {@link OfficeOptions} for each key.
 *
 * @param root the folder holding one folder per domain (default {@code data/office-home})
 * @param domain the domain, also the task's name (default {@code Art})
 * @param size the side images are resized to (default 224, LibMTL's)
 * @param splitLists the split lists' folder; empty (default) means {@code <root>/split-lists} when it exists
 * @param splitSeed the seeded split's seed when there are no split lists (default 0)
 * @param augment a random horizontal flip of training images (default false, as LibMTL)
 */
public record OfficeHomeOptions(String root, String domain, int size, String splitLists, long splitSeed, boolean augment)
        implements OfficeOptions {

    /** The defaults: {@code data/office-home}, Art, 224, the default split lists' place, split seed 0, no augmentation. */
    public static final OfficeHomeOptions DEFAULTS = new OfficeHomeOptions(OfficeBenchmark.OFFICE_HOME.defaultRoot(), "Art", 224, "", 0, false);

    /**
     * Checks every option, naming the one that is wrong.
     *
     * @throws IllegalArgumentException e.g. {@code domain must be one of [...], got '...'}
     */
    public OfficeHomeOptions {
        OfficeOptions.check(OfficeBenchmark.OFFICE_HOME, root, domain, size);
        splitLists = splitLists == null ? "" : splitLists;
    }

    @Override
    public OfficeBenchmark benchmark() {
        return OfficeBenchmark.OFFICE_HOME;
    }
}
