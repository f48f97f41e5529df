package org.mtan4j.datasets.decathlon;

import java.nio.file.Path;
import java.util.List;

/**
 * Options of the {@code decathlon} dataset; YAML keys are kebab-case ({@code root}, {@code domain},
 * {@code size}, {@code mean-std-file}, {@code stats-samples}, {@code augment}, {@code annotations}).
 *
 * <p>One dataset is one domain: Visual Decathlon's domains are separate classification tasks with
 * their own images and loaders, trained one after another (see the package documentation).
 *
 * @param root the {@code decathlon-1.0-data} folder holding one folder per domain (default
 *     {@code data/decathlon-1.0-data})
 * @param domain which of the ten domains this dataset reads (default {@code imagenet12}); also the
 *     task's name
 * @param size the side images are resized (short side) and cropped to (default 72, the paper's)
 * @param meanStdFile the devkit's pickle of per-domain mean and std; empty (the default) means
 *     {@code <root>/decathlon_mean_std.pickle} when it exists, else the statistics are computed
 * @param statsSamples how many training images (evenly spaced) the statistics are computed from
 *     when no pickle gives them (default 1000)
 * @param augment whether training images get the reference's random crop and flip (default true, as
 *     the reference always does; gtsrb, omniglot and svhn take the centre crop and no flip anyway)
 * @param annotations the devkit's {@code annotations} folder ({@code decathlon-1.0/annotations}); empty
 *     (the default) means {@code <root>/annotations}. Only the unlabelled {@code test} split uses it:
 *     that split exists when {@code <annotations>/<domain>_test_stripped.json} does
 */
public record DecathlonOptions(String root, String domain, int size, String meanStdFile, int statsSamples, boolean augment,
        String annotations) {

    /** The ten domains, in the reference code's order. */
    public static final List<String> DOMAINS = List.of("imagenet12", "aircraft", "cifar100", "daimlerpedcls", "dtd",
            "gtsrb", "omniglot", "svhn", "ucf101", "vgg-flowers");

    /** The published class count of each domain, in {@link #DOMAINS} order (models.md). */
    public static final List<Integer> PUBLISHED_CLASSES = List.of(1000, 100, 100, 2, 47, 43, 1623, 10, 101, 102);

    /**
     * The defaults: {@code data/decathlon-1.0-data}, imagenet12, 72, the devkit pickle, 1000, augment,
     * annotations under the root.
     */
    public static final DecathlonOptions DEFAULTS = new DecathlonOptions("data/decathlon-1.0-data", "imagenet12", 72, "", 1000, true,
            "");

    /**
     * Checks every option, naming the one that is wrong.
     *
     * @throws IllegalArgumentException e.g. {@code domain must be one of [...], got 'mnist'}
     */
    public DecathlonOptions {
        if (root == null || root.isBlank()) {
            throw new IllegalArgumentException("root must name the decathlon-1.0-data folder, got "
                    + (root == null ? "nothing" : "'" + root + "'"));
        }
        if (!DOMAINS.contains(domain)) {
            throw new IllegalArgumentException("domain must be one of " + DOMAINS + ", got '" + domain + "'");
        }
        if (size < 1 || size > 4096) {
            throw new IllegalArgumentException("size must be in 1..4096, got " + size);
        }
        if (meanStdFile == null) {
            meanStdFile = "";
        }
        if (statsSamples < 1) {
            throw new IllegalArgumentException("stats-samples must be > 0, got " + statsSamples);
        }
        if (annotations == null) {
            annotations = "";
        }
    }

    /** These options with another root. */
    public DecathlonOptions withRoot(String newRoot) {
        return new DecathlonOptions(newRoot, domain, size, meanStdFile, statsSamples, augment, annotations);
    }

    /** These options for another domain. */
    public DecathlonOptions withDomain(String newDomain) {
        return new DecathlonOptions(root, newDomain, size, meanStdFile, statsSamples, augment, annotations);
    }

    /** These options with another image side. */
    public DecathlonOptions withSize(int newSize) {
        return new DecathlonOptions(root, domain, newSize, meanStdFile, statsSamples, augment, annotations);
    }

    /** These options with another mean/std pickle ("" for the default place). */
    public DecathlonOptions withMeanStdFile(String newFile) {
        return new DecathlonOptions(root, domain, size, newFile, statsSamples, augment, annotations);
    }

    /** These options with augmentation on or off. */
    public DecathlonOptions withAugment(boolean newAugment) {
        return new DecathlonOptions(root, domain, size, meanStdFile, statsSamples, newAugment, annotations);
    }

    /** The devkit's annotations folder: {@link #annotations()}, else {@code <root>/annotations}. */
    public Path annotationsDir() {
        return annotations.isEmpty() ? Path.of(root, "annotations") : Path.of(annotations);
    }

    /** Whether the reference takes the centre crop and no flip for this domain even in training. */
    public boolean centreCropOnly() {
        return domain.equals("gtsrb") || domain.equals("omniglot") || domain.equals("svhn");
    }
}
