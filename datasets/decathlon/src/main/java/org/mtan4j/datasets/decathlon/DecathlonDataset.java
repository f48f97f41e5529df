package org.mtan4j.datasets.decathlon;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * One Visual Decathlon domain as a single-task {@link MultiTaskDataset}: images from
 * {@code <root>/<domain>/<split>/<class>/...} (the layout of torchvision's {@code ImageFolder}, which
 * the reference uses), one {@code CLASSIFICATION} task named after the domain whose target is the
 * class folder's position in sorted order.
 *
 * <p>Transforms as the reference's {@code data_transform} (visual_decathlon/model_wrn_mtan.py):
 * resize the short side to {@code size} (Pillow bilinear, {@link PilResize}), then a random
 * {@code size x size} crop and a random horizontal flip for training, or the centre crop (torchvision's
 * {@code round((h - size) / 2)}, half to even) for validation and for gtsrb, omniglot and svhn; then
 * scale to [0, 1] and normalise with the domain's mean and std.
 *
 * <p>Splits {@code train} and {@code val}, and {@code test} when the devkit's
 * {@code <annotations>/<domain>_test_stripped.json} exists: the images that file lists, in its order,
 * transformed as validation images, each with the task's ignore value -1 as target (the test labels are
 * not public). Thread-safe: immutable state, shared resize coefficients, per-call buffers.
 *
 * <p>Labels are the class folders' positions in sorted order ({@link #classes()}); the decathlon results
 * writer of {@code mtan predict} maps them back to the devkit's category ids by the same rule.
 */
final class DecathlonDataset implements MultiTaskDataset {

    private static final Logger LOG = LoggerFactory.getLogger(DecathlonDataset.class);
    /** The unlabelled split, present when the devkit's test annotation file is. */
    static final String TEST = "test";
    private static final long CROP_SALT = 0xD1B54A32D192ED03L;

    private final DecathlonOptions options;
    private final Path domainDir;
    private final List<String> classes;
    private final Index train;
    private final Index val;
    private final Index test;
    private final List<String> splits;
    private final TaskSpec task;
    private final float[] mean = new float[3];
    private final float[] std = new float[3];

    /** A split's images in ImageFolder order and their class indexes. */
    record Index(Path[] files, int[] labels) {
    }

    DecathlonDataset(DecathlonOptions options) throws IOException {
        this.options = options;
        Path root = Path.of(options.root());
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": missing dataset folder (option root)");
        }
        this.domainDir = root.resolve(options.domain());
        if (!Files.isDirectory(domainDir)) {
            throw new IOException(domainDir + ": missing domain folder (option domain)");
        }
        this.classes = ImageFolders.classFolders(domainDir.resolve(TRAIN));
        List<String> valClasses = ImageFolders.classFolders(domainDir.resolve(VAL));
        if (!valClasses.equals(classes)) {
            // ImageFolder numbers each split's folders on its own: different sets would shift the labels.
            List<String> missing = new ArrayList<>(classes);
            missing.removeAll(valClasses);
            List<String> extra = new ArrayList<>(valClasses);
            extra.removeAll(classes);
            throw new IOException(domainDir.resolve(VAL) + ": class folders differ from train's; missing " + missing
                    + ", extra " + extra);
        }
        if (classes.size() < 2) {
            throw new IOException(domainDir.resolve(TRAIN) + ": needs at least 2 class folders, found " + classes.size());
        }
        int published = DecathlonOptions.PUBLISHED_CLASSES.get(DecathlonOptions.DOMAINS.indexOf(options.domain()));
        if (classes.size() != published) {
            LOG.warn("{}: {} class folders, the published {} has {}", domainDir.resolve(TRAIN), classes.size(),
                    options.domain(), published);
        }
        this.task = TaskSpec.classification(options.domain(), classes.size());
        this.train = index(domainDir.resolve(TRAIN));
        this.val = index(domainDir.resolve(VAL));
        Path testFile = TestAnnotations.file(options.annotationsDir(), options.domain());
        if (Files.exists(testFile)) {
            Path[] files = TestAnnotations.images(testFile, root).toArray(new Path[0]);
            for (Path p : files) {
                if (!ImageFolders.hasExtension(p, ImageFolders.READABLE)) {
                    throw new IOException(ImageFolders.unreadableFormat(p));
                }
            }
            int[] unlabelled = new int[files.length];
            Arrays.fill(unlabelled, task.ignoreValue());
            this.test = new Index(files, unlabelled);
            this.splits = List.of(TRAIN, VAL, TEST);
        } else {
            this.test = null;
            this.splits = List.of(TRAIN, VAL);
        }
        loadStatistics(root);
    }

    private Index index(Path split) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Path dir = split.resolve(classes.get(c));
            List<Path> found = ImageFolders.images(dir);
            if (found.isEmpty()) {
                throw new IOException(dir + ": no image files in class folder");
            }
            for (Path p : found) {
                if (!ImageFolders.hasExtension(p, ImageFolders.READABLE)) {
                    throw new IOException(ImageFolders.unreadableFormat(p));
                }
                files.add(p);
                labels.add(c);
            }
        }
        return new Index(files.toArray(new Path[0]), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private void loadStatistics(Path root) throws IOException {
        Path pickle = options.meanStdFile().isEmpty() ? root.resolve("decathlon_mean_std.pickle") : Path.of(options.meanStdFile());
        if (Files.exists(pickle) || !options.meanStdFile().isEmpty()) {
            Map<String, double[]> stats = MeanStdPickle.read(pickle);
            double[] m = stats.get(options.domain() + "mean");
            double[] s = stats.get(options.domain() + "std");
            if (m == null || s == null) {
                throw new IOException(pickle + ": has no '" + options.domain() + "mean' and '" + options.domain()
                        + "std' entries; it has " + stats.keySet());
            }
            if (m.length != 3 || s.length != 3) {
                throw new IOException(pickle + ": '" + options.domain() + "mean' and 'std' must have 3 values, got "
                        + m.length + " and " + s.length);
            }
            for (int c = 0; c < 3; c++) {
                if (!(s[c] > 0)) {
                    throw new IOException(pickle + ": '" + options.domain() + "std' has a non-positive value " + s[c]);
                }
                // torchvision's Normalize casts mean and std to the image's float32.
                mean[c] = (float) m[c];
                std[c] = (float) s[c];
            }
            return;
        }
        computeStatistics();
    }

    /**
     * Mean and (population) standard deviation per channel of the pixels in [0, 1] of up to
     * {@code stats-samples} evenly spaced training images, each resized and centre-cropped.
     */
    private void computeStatistics() throws IOException {
        int n = train.files().length;
        int take = Math.min(n, options.statsSamples());
        double[] sum = new double[3];
        double[] sq = new double[3];
        long count = 0;
        for (int k = 0; k < take; k++) {
            int i = (int) ((long) k * n / take);
            int[] crop = cropped(train.files()[i], null);
            for (int p = 0; p < crop.length; p += 3) {
                for (int c = 0; c < 3; c++) {
                    double v = crop[p + c] / 255.0;
                    sum[c] += v;
                    sq[c] += v * v;
                }
            }
            count += crop.length / 3;
        }
        for (int c = 0; c < 3; c++) {
            double m = sum[c] / count;
            mean[c] = (float) m;
            std[c] = (float) Math.max(Math.sqrt(Math.max(sq[c] / count - m * m, 0)), 1e-6);
        }
        LOG.info("{}: no mean/std pickle; computed from {} training images: mean {} {} {}, std {} {} {}", domainDir, take,
                mean[0], mean[1], mean[2], std[0], std[1], std[2]);
    }

    /** The domain's normalisation: mean then std, three values each. */
    float[][] statistics() {
        return new float[][] {mean.clone(), std.clone()};
    }

    /** The class folder names, in label order. */
    List<String> classes() {
        return classes;
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
        return splits;
    }

    private Index split(String split) {
        if (TRAIN.equals(split)) {
            return train;
        }
        if (VAL.equals(split)) {
            return val;
        }
        if (TEST.equals(split) && test != null) {
            return test;
        }
        throw new IllegalArgumentException("unknown split '" + split + "'; this decathlon dataset has " + splits
                + (test == null ? " (test needs " + TestAnnotations.file(options.annotationsDir(), options.domain()) + ")" : ""));
    }

    @Override
    public int size(String split) {
        return split(split).files().length;
    }

    /** The crop corner and flip one seed draws for an image of {@code h x w} after the resize. */
    record Choice(int top, int left, boolean flip) {
    }

    Choice choose(String split, int h, int w, long seed) {
        int s = options.size();
        if (!TRAIN.equals(split) || !options.augment() || options.centreCropOnly()) {
            // torchvision's CenterCrop: int(round((h - s) / 2.0)), Python rounding half to even.
            return new Choice((int) Math.rint((h - s) / 2.0), (int) Math.rint((w - s) / 2.0), false);
        }
        SplittableRandom r = new SplittableRandom(seed ^ CROP_SALT);
        int top = r.nextInt(h - s + 1);
        int left = r.nextInt(w - s + 1);
        return new Choice(top, left, r.nextDouble() < 0.5);
    }

    /** The resized image (short side = size), as interleaved RGB, with its height and width. */
    Images.Rgb resized(Path file) throws IOException {
        return resized(Images.read(file));
    }

    private Images.Rgb resized(Images.Rgb img) {
        int h = img.height();
        int w = img.width();
        int s = options.size();
        // torchvision's Resize(int): the short side becomes s, the long int(s * long / short).
        int outH;
        int outW;
        if (w <= h) {
            outW = s;
            outH = (int) ((double) s * h / w);
        } else {
            outH = s;
            outW = (int) ((double) s * w / h);
        }
        if (outH == h && outW == w) {
            return img;
        }
        return new Images.Rgb(PilResize.resize(img.pixels(), h, w, outH, outW), outH, outW);
    }

    /** The cropped (and flipped, if chosen) size x size interleaved RGB of {@code file}; centre crop for null. */
    private int[] cropped(Path file, Choice choice) throws IOException {
        Images.Rgb img = resized(file);
        Choice c = choice != null ? choice : new Choice((int) Math.rint((img.height() - options.size()) / 2.0),
                (int) Math.rint((img.width() - options.size()) / 2.0), false);
        return crop(img, c);
    }

    private int[] crop(Images.Rgb img, Choice c) {
        int s = options.size();
        int[] out = new int[s * s * 3];
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                int sx = c.left() + (c.flip() ? s - 1 - x : x);
                int from = ((c.top() + y) * img.width() + sx) * 3;
                int to = (y * s + x) * 3;
                out[to] = img.pixels()[from];
                out[to + 1] = img.pixels()[from + 1];
                out[to + 2] = img.pixels()[from + 2];
            }
        }
        return out;
    }

    @Override
    public Sample get(NDManager manager, String split, int index, long seed) throws IOException {
        Index idx = split(split);
        if (index < 0 || index >= idx.files().length) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for split '" + split + "' of size "
                    + idx.files().length);
        }
        int s = options.size();
        float[] chw = modelInput(resized(idx.files()[index]), split, seed);
        return new Sample(manager.create(chw, new Shape(3, s, s)), new NDList(manager.create((float) idx.labels()[index])));
    }

    /** A resized image cropped (and flipped) as {@code split} chooses, normalised: the model's {@code (3, size, size)} input. */
    private float[] modelInput(Images.Rgb resized, String split, long seed) {
        return ImageFolders.normalisedChw(crop(resized, choose(split, resized.height(), resized.width(), seed)), mean, std);
    }

    /**
     * A user's image ({@code mtan predict --input}, read by {@link Images#of}) as the {@code test} split
     * transforms its images, the same code: short side resized, centre crop, the domain's mean and std.
     *
     * @throws IOException naming the file when it cannot be decoded
     */
    float[] evaluationInput(InputImage image) throws IOException {
        return modelInput(resized(Images.of(image)), TEST, 0L);
    }
}
