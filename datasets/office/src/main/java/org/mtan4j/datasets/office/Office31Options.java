package org.mtan4j.datasets.office;

/**
 * Options of the {@code office-31} dataset: one Office-31 domain. See {@link OfficeOptions} for each key.
 *
 * @param root the folder holding one folder per domain (default {@code data/office-31})
 * @param domain the domain, also the task's name (default {@code amazon})
 * @param size the side images are resized to (default 224, LibMTL's)
 * @param splitLists the split lists' folder; empty (default) means {@code <root>/split-lists} when it exists
 * @param splitSeed the seeded split's seed when there are no split lists (default 0)
 * @param augment a random horizontal flip of training images (default false, as LibMTL)
 */
public record Office31Options(String root, String domain, int size, String splitLists, long splitSeed, boolean augment)
        implements OfficeOptions {

    /** The defaults: {@code data/office-31}, amazon, 224, the default split lists' place, split seed 0, no augmentation. */
    public static final Office31Options DEFAULTS = new Office31Options(OfficeBenchmark.OFFICE_31.defaultRoot(), "amazon", 224, "", 0, false);

    /**
     * Checks every option, naming the one that is wrong.
     *
     * @throws IllegalArgumentException e.g. {@code domain must be one of [...], got '...'}
     */
    public Office31Options {
        OfficeOptions.check(OfficeBenchmark.OFFICE_31, root, domain, size);
        splitLists = splitLists == null ? "" : splitLists;
    }

    @Override
    public OfficeBenchmark benchmark() {
        return OfficeBenchmark.OFFICE_31;
    }
}
