package org.mtan4j.datasets.office;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mtan4j.api.InputImage;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.Sample;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.datasets.images.ImageFolders;
import org.mtan4j.datasets.images.Images;
import org.mtan4j.datasets.images.PilResize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Office-31 or Office-Home domain as a single-task {@link MultiTaskDataset}: one
 * {@code CLASSIFICATION} task named after the domain, splits {@code train}, {@code val} and {@code test}
 * ({@link OfficeSplits}).
 *
 * <p>Transforms as LibMTL's {@code office_Dataset} (examples/office/create_dataset.py): the image as
 * PIL's {@code convert('RGB')} reads it, resized to {@code size x size} whatever its aspect ratio
 * ({@code transforms.Resize((224, 224))}: Pillow's bilinear filter, {@link PilResize}), scaled to
 * [0, 1] and normalised with ImageNet's mean and std. With {@code augment}, training images are flipped
 * horizontally with probability 1/2, drawn from the sample's seed. Thread-safe: immutable state.
 */
final class OfficeDataset implements MultiTaskDataset {

    private static final Logger LOG = LoggerFactory.getLogger(OfficeDataset.class);
    /** The held-out split the published lists (and the seeded split) provide besides train and val. */
    static final String TEST = "test";
    private static final long FLIP_SALT = 0x5DEECE66DL;

    private final OfficeOptions options;
    private final OfficeSplits.Splits splits;
    private final TaskSpec task;

    OfficeDataset(OfficeOptions options) throws IOException {
        this.options = options;
        Path root = Path.of(options.root());
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": missing dataset folder (option root)");
        }
        Path domainDir = root.resolve(options.domain());
        if (!Files.isDirectory(domainDir)) {
            Path spaced = root.resolve(options.domain().replace('_', ' '));
            throw new IOException(domainDir + ": missing domain folder (option domain)"
                    + (!spaced.equals(domainDir) && Files.isDirectory(spaced) ? "; rename '" + spaced.getFileName()
                            + "' to '" + options.domain() + "', the name the split lists use" : ""));
        }
        var lists = options.splitListsFolder();
        this.splits = lists.isPresent() ? OfficeSplits.fromLists(options, lists.get()) : OfficeSplits.seeded(options);
        if (lists.isEmpty()) {
            LOG.info("{} {}: no split lists in {}; using the {}", options.benchmark().datasetName(), options.domain(),
                    root.resolve(OfficeOptions.SPLIT_LISTS_FOLDER), splits.source());
            if (splits.classes() != options.benchmark().classes()) {
                LOG.warn("{}: {} class folders, the published {} has {}", options.benchmark().classFolders(root, options.domain()),
                        splits.classes(), options.benchmark().datasetName(), options.benchmark().classes());
            }
        }
        this.task = TaskSpec.classification(options.domain(), splits.classes());
    }

    @Override
    public List<TaskSpec> tasks() {
        return List.of(task);
    }

    @Override
    public Shape imageShape() {
        return new Shape(3, options.size(), options.size());
    }

    @Override
    public List<String> splits() {
        return OfficeSplits.SPLITS;
    }

    private List<OfficeSplits.Entry> entries(String split) {
        List<OfficeSplits.Entry> entries = splits.entries().get(split);
        if (entries == null) {
            throw new IllegalArgumentException("unknown split '" + split + "'; this " + options.benchmark().datasetName()
                    + " dataset has " + OfficeSplits.SPLITS);
        }
        return entries;
    }

    @Override
    public int size(String split) {
        return entries(split).size();
    }

    /** The label of {@code split}'s image {@code index}, without reading the image. */
    int label(String split, int index) {
        return entries(split).get(index).label();
    }

    /** The image file of {@code split}'s entry {@code index}. */
    Path file(String split, int index) {
        return entries(split).get(index).file();
    }

    /** Why an entry cannot be read (a bad list line, a label out of range, a missing file), or null. */
    private static String problem(OfficeSplits.Entry entry) {
        if (entry.problem() != null) {
            return entry.problem();
        }
        if (!Files.isRegularFile(entry.file())) {
            return (entry.origin() == null ? "" : entry.origin() + ": ") + entry.file() + ": missing image file";
        }
        return null;
    }

    /**
     * Checks every entry of every split without decoding images: the list lines, labels, formats and that
     * each file exists.
     *
     * @throws IOException naming the first bad entry and how many there are
     */
    @Override
    public void checkFiles() throws IOException {
        List<String> bad = new ArrayList<>();
        for (String split : OfficeSplits.SPLITS) {
            for (OfficeSplits.Entry entry : entries(split)) {
                String problem = problem(entry);
                if (problem != null) {
                    bad.add(problem);
                }
            }
        }
        if (!bad.isEmpty()) {
            int more = bad.size() - 1;
            throw new IOException(bad.get(0) + (more == 0 ? "" : " (and " + more + " more bad " + (more == 1 ? "entry" : "entries")
                    + "; 'mtan data check " + options.benchmark().datasetName() + " --root " + options.root() + " --set domain="
                    + options.domain() + "' lists them)"));
        }
    }

    @Override
    public Sample get(NDManager manager, String split, int index, long seed) throws IOException {
        List<OfficeSplits.Entry> entries = entries(split);
        if (index < 0 || index >= entries.size()) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for split '" + split + "' of size "
                    + entries.size());
        }
        OfficeSplits.Entry entry = entries.get(index);
        String problem = problem(entry);
        if (problem != null) {
            throw new IOException(problem);
        }
        int s = options.size();
        int[] rgb = resized(Images.read(entry.file()), s);
        if (TRAIN.equals(split) && options.augment() && new SplittableRandom(seed ^ FLIP_SALT).nextBoolean()) {
            flip(rgb, s);
        }
        return new Sample(manager.create(normalised(rgb), new Shape(3, s, s)), new NDList(manager.create((float) entry.label())));
    }

    /**
     * A user's image ({@code mtan predict --input}, read by {@link Images#of}) as the validation and test
     * splits transform theirs, the same code: resized to {@code size x size}, ImageNet's mean and std.
     *
     * @throws IOException naming the file when it cannot be decoded
     */
    static float[] evaluationInput(InputImage image, int size) throws IOException {
        return normalised(resized(Images.of(image), size));
    }

    /** {@code transforms.Resize((size, size))}: both sides to {@code size}, Pillow bilinear. */
    private static int[] resized(Images.Rgb img, int s) {
        if (img.height() == s && img.width() == s) {
            return img.pixels();
        }
        return PilResize.resize(img.pixels(), img.height(), img.width(), s, s);
    }

    /** LibMTL's {@code Normalize} with ImageNet's statistics: the model's {@code (3, size, size)} input. */
    private static float[] normalised(int[] rgb) {
        return ImageFolders.normalisedChw(rgb, ImageFolders.IMAGENET_MEAN, ImageFolders.IMAGENET_STD);
    }

    /** Mirrors a square interleaved RGB image left to right, in place. */
    private static void flip(int[] rgb, int side) {
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side / 2; x++) {
                int a = (y * side + x) * 3;
                int b = (y * side + side - 1 - x) * 3;
                for (int c = 0; c < 3; c++) {
                    int t = rgb[a + c];
                    rgb[a + c] = rgb[b + c];
                    rgb[b + c] = t;
                }
            }
        }
    }
}
