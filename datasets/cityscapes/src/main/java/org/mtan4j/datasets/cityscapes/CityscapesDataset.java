package org.mtan4j.datasets.cityscapes;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.Sample;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.io.Npy;
import org.mtan4j.api.io.NpyDType;
import org.mtan4j.api.io.NpyFolders;

/**
 * The {@code cityscapes} dataset over the paper's pre-processed release:
 * {@code <root>/<split>/{image,label_2,label_7,label_19,depth}/<index>.npy}, little-endian float32,
 * C order; image (H, W, 3) in [0, 1], labels (H, W) with 0..classes-1 and -1 for ignored pixels,
 * depth (H, W, 1) holding inverse depth (disparity-like: larger is nearer), 0 where unknown.
 * Channels move first. No augmentation: the paper trains CityScapes without it.
 *
 * <p>Thread-safe: immutable state plus per-thread scratch buffers.
 */
final class CityscapesDataset implements MultiTaskDataset {

    private static final List<String> SPLITS = List.of(TRAIN, VAL);

    private final CityscapesOptions options;
    private final Path root;
    private final int height;
    private final int width;
    private final int trainSize;
    private final int valSize;
    private final List<TaskSpec> tasks;
    private final String labelFolder;
    private final ThreadLocal<float[][]> scratch;

    CityscapesDataset(CityscapesOptions options) throws IOException {
        this.options = options;
        this.root = Path.of(options.root());
        this.height = options.height();
        this.width = options.width();
        this.labelFolder = "label_" + options.classes();
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": missing dataset folder (option root)");
        }
        List<TaskSpec> specs = new ArrayList<>();
        for (String t : options.tasks()) {
            specs.add("semantic".equals(t) ? TaskSpec.segmentation("semantic", options.classes()) : TaskSpec.depth("depth"));
        }
        this.tasks = List.copyOf(specs);
        this.trainSize = countSplit(TRAIN);
        this.valSize = countSplit(VAL);
        int plane = height * width;
        // Per thread: the image as read (H, W, 3), the image channels-first, a label and a depth plane.
        this.scratch = ThreadLocal.withInitial(() -> new float[][] {new float[3 * plane], new float[3 * plane],
            new float[plane], new float[plane]});
    }

    private String folder(String task) {
        return "semantic".equals(task) ? labelFolder : "depth";
    }

    private int countSplit(String split) throws IOException {
        List<String> folders = new java.util.ArrayList<>();
        folders.add("image");
        options.tasks().forEach(t -> folders.add(folder(t)));
        return NpyFolders.countSplit(root.resolve(split), folders);
    }

    /** Every selected file's header and length (not its values), so a bad file stops a run before it starts. */
    @Override
    public void checkFiles() throws IOException {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put("image", new int[] {height, width, 3});
        for (String task : options.tasks()) {
            shapes.put(folder(task), "semantic".equals(task) ? new int[] {height, width} : new int[] {height, width, 1});
        }
        for (String split : SPLITS) {
            NpyFolders.checkSplit(root.resolve(split), size(split), shapes);
        }
    }

    @Override
    public List<TaskSpec> tasks() {
        return tasks;
    }

    @Override
    public Shape imageShape() {
        return new Shape(3, height, width);
    }

    @Override
    public List<String> splits() {
        return SPLITS;
    }

    @Override
    public int size(String split) {
        if (TRAIN.equals(split)) {
            return trainSize;
        }
        if (VAL.equals(split)) {
            return valSize;
        }
        throw new IllegalArgumentException("unknown split '" + split + "'; the cityscapes dataset has " + SPLITS);
    }

    @Override
    public Sample get(NDManager manager, String split, int index, long seed) throws IOException {
        int size = size(split);
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for split '" + split + "' of size " + size);
        }
        float[][] s = scratch.get();
        Path dir = root.resolve(split);
        String name = index + ".npy";
        int h = height;
        int w = width;
        int plane = h * w;
        Path imageFile = dir.resolve("image").resolve(name);
        float[] image = Npy.read(imageFile, NpyDType.FLOAT32, new int[] {h, w, 3}, s[0]).data();
        float[] chw = s[1];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                float v = image[p * 3 + c];
                if (!Float.isFinite(v)) {
                    throw new IOException(imageFile + ": image value " + v + " at row " + p / w + ", column " + p % w
                            + " is not finite");
                }
                chw[c * plane + p] = v;
            }
        }
        NDList targets = new NDList(tasks.size());
        for (String t : options.tasks()) {
            Path f = dir.resolve(folder(t)).resolve(name);
            if ("semantic".equals(t)) {
                float[] label = Npy.read(f, NpyDType.FLOAT32, new int[] {h, w}, s[2]).data();
                checkLabels(label, f);
                targets.add(manager.create(label, new Shape(h, w)));
            } else {
                float[] depth = Npy.read(f, NpyDType.FLOAT32, new int[] {h, w, 1}, s[3]).data();
                checkDepth(depth, f);
                targets.add(manager.create(depth, new Shape(1, h, w)));
            }
        }
        return new Sample(manager.create(chw, new Shape(3, h, w)), targets);
    }

    private void checkLabels(float[] a, Path file) throws IOException {
        int classes = options.classes();
        for (int i = 0; i < a.length; i++) {
            float v = a[i];
            if (v != -1f && !(v >= 0f && v < classes && v == (int) v)) {
                throw new IOException(file + ": label " + v + " at row " + i / width + ", column " + i % width
                        + " is not a class 0.." + (classes - 1) + " nor the ignore value -1");
            }
        }
    }

    private void checkDepth(float[] a, Path file) throws IOException {
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] >= 0f) || a[i] == Float.POSITIVE_INFINITY) {
                throw new IOException(file + ": inverse depth " + a[i] + " at row " + i / width + ", column " + i % width
                        + " is not a finite value >= 0 (0 marks unknown depth)");
            }
        }
    }
}
