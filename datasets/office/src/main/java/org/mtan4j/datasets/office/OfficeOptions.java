package org.mtan4j.datasets.office;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The options both Office datasets take ({@link Office31Options}, {@link OfficeHomeOptions}); YAML keys
 * are kebab-case: {@code root}, {@code domain}, {@code size}, {@code split-lists}, {@code split-seed},
 * {@code augment}.
 *
 * <ul>
 *   <li>{@code root}: the folder holding one folder per domain (see {@link OfficeBenchmark} for the layouts).
 *   <li>{@code domain}: the domain this dataset reads; also its task's name.
 *   <li>{@code size}: images are resized to {@code size x size}, ignoring the aspect ratio (torchvision's
 *       {@code Resize((224, 224))} in LibMTL's loader; default 224).
 *   <li>{@code split-lists}: the folder of the published split lists {@code <domain>_train.txt},
 *       {@code <domain>_val.txt}, {@code <domain>_test.txt}; empty (the default) means
 *       {@code <root>/split-lists} when that folder exists, else the seeded split.
 *   <li>{@code split-seed}: the seed of the seeded split (default 0), used only without split lists; the
 *       run's seed never changes which images are in which split.
 *   <li>{@code augment}: a random horizontal flip of training images, drawn from the run's seed (default
 *       false: LibMTL's loader does not augment).
 * </ul>
 */
public interface OfficeOptions {

    /** The split lists' folder under the root when the {@code split-lists} option is empty. */
    String SPLIT_LISTS_FOLDER = "split-lists";

    /** Which benchmark these options are for. */
    OfficeBenchmark benchmark();

    /** The folder holding one folder per domain. */
    String root();

    /** The domain, one of {@link OfficeBenchmark#domains()}; the task's name. */
    String domain();

    /** The side images are resized to. */
    int size();

    /** The split lists' folder; empty for the default place. */
    String splitLists();

    /** The seeded split's seed. */
    long splitSeed();

    /** Whether training images are flipped at random. */
    boolean augment();

    /**
     * Where the split lists are read from: the {@code split-lists} option when it is set (it must then
     * exist), else {@code <root>/split-lists} when that folder exists; empty means the seeded split.
     */
    default Optional<Path> splitListsFolder() {
        if (!splitLists().isEmpty()) {
            return Optional.of(Path.of(splitLists()));
        }
        Path folder = Path.of(root()).resolve(SPLIT_LISTS_FOLDER);
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /**
     * Checks the options every Office dataset shares, naming the one that is wrong.
     *
     * @throws IllegalArgumentException e.g. {@code domain must be one of [amazon, dslr, webcam], got 'Art'}
     */
    static void check(OfficeBenchmark benchmark, String root, String domain, int size) {
        if (root == null || root.isBlank()) {
            throw new IllegalArgumentException("root must name the " + benchmark.datasetName() + " folder, got "
                    + (root == null ? "nothing" : "'" + root + "'"));
        }
        if (!benchmark.domains().contains(domain)) {
            throw new IllegalArgumentException("domain must be one of " + benchmark.domains() + ", got '" + domain + "'");
        }
        if (size < 1 || size > 4096) {
            throw new IllegalArgumentException("size must be in 1..4096, got " + size);
        }
    }
}
