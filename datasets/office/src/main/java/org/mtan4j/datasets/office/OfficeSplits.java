package org.mtan4j.datasets.office;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.datasets.images.ImageFolders;

/**
 * A domain's train, val and test splits: from the published split lists when there are some, else a
 * seeded stratified 60/20/20 split of the class folders.
 *
 * <p><b>Split lists</b> (LibMTL's {@code examples/office/data_txt/<benchmark>/<domain>_<split>.txt}): one
 * image per line, {@code PATH LABEL}, the path relative to the root (e.g. {@code amazon/images/back_pack/frame_0065.jpg 0}),
 * the label the class index the list gives (not the class folders' sorted order). Blank lines are skipped;
 * the label is the last field, so a path may contain spaces. A line that cannot be read, a label outside
 * {@code [0, classes)} or an image format javax.imageio cannot read makes that entry bad, not the whole
 * list: the dataset opens, {@link MultiTaskDataset#checkFiles} refuses it naming the first bad entry, and
 * {@code mtan data check} lists them all.
 *
 * <p><b>The seeded split</b>, without lists: labels are the class folders' positions in sorted order
 * (ImageFolder's); each class's images, in ImageFolder order, are shuffled by a generator seeded with the
 * {@code split-seed} and the class index, and the first {@code round(0.6 n)} go to train, the next
 * {@code round(0.2 n)} to val and the rest to test (LibMTL's proportions, "60% for training, 20% for
 * validation, and the rest 20% for testing", examples/office/README.md; per class so that every class is
 * in train). Each split keeps ImageFolder order.
 */
final class OfficeSplits {

    /** The three splits, in order. */
    static final List<String> SPLITS = List.of(MultiTaskDataset.TRAIN, MultiTaskDataset.VAL, OfficeDataset.TEST);
    /** The seeded split's train and val fractions; test takes the rest (LibMTL's 60/20/20). */
    static final double TRAIN_FRACTION = 0.6;
    static final double VAL_FRACTION = 0.2;
    private static final long CLASS_SALT = 0x9E3779B97F4A7C15L;

    /**
     * One image of a split.
     *
     * @param file the image file
     * @param label its class index
     * @param origin where it was listed ({@code <list file>:<line>}), or null for the seeded split
     * @param problem why the entry cannot be used, naming its origin and file, or null when it can
     */
    record Entry(Path file, int label, String origin, String problem) {
    }

    /**
     * The splits and the class count.
     *
     * @param entries per split name, in {@link #SPLITS} order
     * @param classes the task's class count
     * @param source how the splits came about, for messages and logs
     */
    record Splits(Map<String, List<Entry>> entries, int classes, String source) {
    }

    private OfficeSplits() {
    }

    /** The list file of {@code domain}'s {@code split} in {@code folder}: {@code <domain>_<split>.txt}. */
    static Path listFile(Path folder, String domain, String split) {
        return folder.resolve(domain + "_" + split + ".txt");
    }

    /**
     * Reads the three split lists of {@code options.domain()} from {@code folder}.
     *
     * @throws IOException when the folder or one of the three files is missing or unreadable, naming them
     */
    static Splits fromLists(OfficeOptions options, Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": missing split-lists folder (option split-lists)");
        }
        List<Path> missing = new ArrayList<>();
        for (String split : SPLITS) {
            Path file = listFile(folder, options.domain(), split);
            if (!Files.isRegularFile(file)) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(folder + ": missing split list(s) " + missing + "; a domain needs all three ("
                    + options.domain() + "_train.txt, _val.txt, _test.txt), e.g. LibMTL's examples/office/data_txt/"
                    + options.benchmark().datasetName() + "/");
        }
        Path root = Path.of(options.root());
        int classes = options.benchmark().classes();
        Map<String, List<Entry>> entries = new LinkedHashMap<>();
        for (String split : SPLITS) {
            Path file = listFile(folder, options.domain(), split);
            List<Entry> list = new ArrayList<>();
            int line = 0;
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                line++;
                if (!text.isBlank()) {
                    list.add(entry(root, text.strip(), file + ":" + line, classes));
                }
            }
            if (list.isEmpty()) {
                throw new IOException(file + ": empty split list");
            }
            entries.put(split, List.copyOf(list));
        }
        return new Splits(entries, classes, "split lists in " + folder);
    }

    private static Entry entry(Path root, String text, String origin, int classes) {
        int space = lastWhitespace(text);
        if (space < 0) {
            return new Entry(null, -1, origin, origin + ": expected 'PATH LABEL', got '" + text + "'");
        }
        String path = text.substring(0, space).strip();
        String label = text.substring(space + 1);
        Path file = root.resolve(path);
        int value;
        try {
            value = Integer.parseInt(label);
        } catch (NumberFormatException e) {
            return new Entry(file, -1, origin, origin + ": label '" + label + "' of " + path + " is not an integer");
        }
        if (value < 0 || value >= classes) {
            return new Entry(file, value, origin, origin + ": label " + value + " of " + path + " is out of range [0, " + classes + ")");
        }
        if (!ImageFolders.hasExtension(file, ImageFolders.READABLE)) {
            return new Entry(file, value, origin, origin + ": " + ImageFolders.unreadableFormat(file));
        }
        return new Entry(file, value, origin, null);
    }

    private static int lastWhitespace(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The seeded stratified split of the class folders of {@code options.domain()}.
     *
     * @throws IOException when the class folders are missing, fewer than two, or one holds no image
     */
    static Splits seeded(OfficeOptions options) throws IOException {
        Path classRoot = options.benchmark().classFolders(Path.of(options.root()), options.domain());
        List<String> classes = ImageFolders.classFolders(classRoot);
        if (classes.size() < 2) {
            throw new IOException(classRoot + ": needs at least 2 class folders, found " + classes.size());
        }
        Map<String, List<Entry>> entries = new LinkedHashMap<>();
        SPLITS.forEach(s -> entries.put(s, new ArrayList<>()));
        for (int c = 0; c < classes.size(); c++) {
            Path dir = classRoot.resolve(classes.get(c));
            List<Path> files = ImageFolders.images(dir);
            if (files.isEmpty()) {
                throw new IOException(dir + ": no image files in class folder");
            }
            int[] order = shuffled(files.size(), options.splitSeed(), c);
            int n = files.size();
            int train = (int) Math.round(TRAIN_FRACTION * n);
            int val = Math.min((int) Math.round(VAL_FRACTION * n), n - train);
            int[][] picked = {Arrays.copyOfRange(order, 0, train), Arrays.copyOfRange(order, train, train + val),
                Arrays.copyOfRange(order, train + val, n)};
            for (int s = 0; s < SPLITS.size(); s++) {
                Arrays.sort(picked[s]);
                for (int i : picked[s]) {
                    Path file = files.get(i);
                    String problem = ImageFolders.hasExtension(file, ImageFolders.READABLE) ? null : ImageFolders.unreadableFormat(file);
                    entries.get(SPLITS.get(s)).add(new Entry(file, c, null, problem));
                }
            }
        }
        entries.replaceAll((split, list) -> List.copyOf(list));
        return new Splits(entries, classes.size(), "seeded 60/20/20 split (split-seed " + options.splitSeed() + ") of " + classRoot);
    }

    /** A Fisher-Yates permutation of {@code 0..n-1}, seeded by the split seed and the class. */
    private static int[] shuffled(int n, long splitSeed, int classIndex) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(splitSeed + CLASS_SALT * (classIndex + 1));
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
