package org.mtan4j.datasets.arrays;

import ai.djl.ndarray.NDArray;
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
import org.mtan4j.api.TaskSpec;
import org.mtan4j.numpy.Npy;
import org.mtan4j.numpy.NpyDType;
import org.mtan4j.numpy.NpyFolders;

/**
 * A dataset stored as folders of numbered arrays, as the paper's pre-processed NYUv2 and CityScapes
 * releases: {@code <root>/<split>/<folder>/<index>.npy}, little-endian float32, C order, for the splits
 * {@code train} and {@code val}; the images in {@code image/} as {@code (H, W, 3)}, each task's targets
 * in its own folder ({@link ArrayTask}).
 *
 * <p>Opening checks the layout (both split folders, every selected folder, numbered arrays
 * {@code 0..N-1} with the same N in each); {@link #checkFiles()} checks every selected file's header and
 * length; the values are checked as samples are read ({@link #readImage}, {@link #readTarget}), so a bad
 * file is named with the position of its first bad value. Subclasses read samples ({@link #get}) and
 * must stay thread-safe: the state here is immutable.
 */
public abstract class ArrayFolderDataset implements MultiTaskDataset {

    private static final List<String> SPLITS = List.of(TRAIN, VAL);
    private static final String IMAGE_FOLDER = "image";

    private final String name;
    private final Path root;
    private final int height;
    private final int width;
    private final List<ArrayTask> arrays;
    private final List<TaskSpec> tasks;
    private final int trainSize;
    private final int valSize;

    /**
     * Opens the dataset, checking its layout.
     *
     * @param name the dataset's name, for messages
     * @param root the release's folder (option {@code root})
     * @param height every array's height
     * @param width every array's width
     * @param arrays the selected tasks, in target order
     * @throws IOException naming the folder or file that does not fit the layout
     */
    protected ArrayFolderDataset(String name, Path root, int height, int width, List<ArrayTask> arrays) throws IOException {
        this.name = name;
        this.root = root;
        this.height = height;
        this.width = width;
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": missing dataset folder (option root)");
        }
        this.arrays = List.copyOf(arrays);
        this.tasks = arrays.stream().map(ArrayTask::spec).toList();
        this.trainSize = countSplit(TRAIN);
        this.valSize = countSplit(VAL);
    }

    private int countSplit(String split) throws IOException {
        List<String> folders = new ArrayList<>();
        folders.add(IMAGE_FOLDER);
        arrays.forEach(a -> folders.add(a.folder()));
        return NpyFolders.countSplit(root.resolve(split), folders);
    }

    /** Every selected file's header and length (not its values), so a bad file stops a run before it starts. */
    @Override
    public void checkFiles() throws IOException {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put(IMAGE_FOLDER, new int[] {height, width, 3});
        for (ArrayTask a : arrays) {
            shapes.put(a.folder(), a.arrayShape(height, width));
        }
        for (String split : SPLITS) {
            NpyFolders.checkSplit(root.resolve(split), size(split), shapes);
        }
    }

    @Override
    public final List<TaskSpec> tasks() {
        return tasks;
    }

    /** The selected tasks with their folders, in target order. */
    protected final List<ArrayTask> arrays() {
        return arrays;
    }

    @Override
    public final Shape imageShape() {
        return new Shape(3, height, width);
    }

    /** Every array's height. */
    protected final int height() {
        return height;
    }

    /** Every array's width. */
    protected final int width() {
        return width;
    }

    @Override
    public final List<String> splits() {
        return SPLITS;
    }

    @Override
    public final int size(String split) {
        if (TRAIN.equals(split)) {
            return trainSize;
        }
        if (VAL.equals(split)) {
            return valSize;
        }
        throw new IllegalArgumentException("unknown split '" + split + "'; the " + name + " dataset has " + SPLITS);
    }

    /**
     * Checks a sample's index.
     *
     * @throws IllegalArgumentException for an unknown split
     * @throws IndexOutOfBoundsException for an index out of the split's range
     */
    protected final void checkIndex(String split, int index) {
        int size = size(split);
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for split '" + split + "' of size " + size);
        }
    }

    /** Reads sample {@code index}'s image {@code (H, W, 3)} of {@code split} into {@code buffer}, checking that every value is finite. */
    protected final float[] readImage(String split, int index, float[] buffer) throws IOException {
        Path file = file(split, IMAGE_FOLDER, index);
        float[] image = Npy.read(file, NpyDType.FLOAT32, new int[] {height, width, 3}, buffer).data();
        checkFinite(image, 3, file, "image");
        return image;
    }

    /**
     * Reads sample {@code index}'s target of {@code task} in {@code split} into {@code buffer} (the layout
     * the file has, channels last), checking its values by the task's kind.
     */
    protected final float[] readTarget(ArrayTask task, String split, int index, float[] buffer) throws IOException {
        Path file = file(split, task.folder(), index);
        float[] values = Npy.read(file, NpyDType.FLOAT32, task.arrayShape(height, width), buffer).data();
        TaskSpec spec = task.spec();
        switch (spec.kind()) {
            case SEGMENTATION -> checkLabels(values, spec, file);
            case DEPTH -> checkDepth(values, file, task.valueName());
            default -> checkFinite(values, Math.max(task.channels(), 1), file, task.valueName());
        }
        return values;
    }

    /**
     * A target as the runtime takes it: labels {@code (H, W)}, other tasks channels first
     * {@code (C, H, W)}.
     *
     * @param channelsFirst the values, channels first for a task with a channel axis
     */
    protected final NDArray target(NDManager manager, ArrayTask task, float[] channelsFirst) {
        Shape shape = task.channels() == 0 ? new Shape(height, width) : new Shape(task.channels(), height, width);
        return manager.create(channelsFirst, shape);
    }

    /** {@code (H, W, C)} to {@code (C, H, W)}. */
    protected final void channelsFirst(float[] src, float[] dst, int channels) {
        int plane = height * width;
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                dst[c * plane + p] = src[p * channels + c];
            }
        }
    }

    private Path file(String split, String folder, int index) {
        return root.resolve(split).resolve(folder).resolve(index + ".npy");
    }

    private void checkFinite(float[] a, int channels, Path file, String what) throws IOException {
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i])) {
                int p = i / channels;
                throw new IOException(file + ": " + what + " value " + a[i] + " at row " + p / width + ", column " + p % width
                        + " is not finite");
            }
        }
    }

    private void checkLabels(float[] a, TaskSpec spec, Path file) throws IOException {
        int classes = spec.classes();
        float ignore = spec.ignoreValue();
        for (int i = 0; i < a.length; i++) {
            float v = a[i];
            if (v != ignore && !(v >= 0f && v < classes && v == (int) v)) {
                throw new IOException(file + ": label " + v + " at row " + i / width + ", column " + i % width
                        + " is not a class 0.." + (classes - 1) + " nor the ignore value " + spec.ignoreValue());
            }
        }
    }

    private void checkDepth(float[] a, Path file, String what) throws IOException {
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] >= 0f) || a[i] == Float.POSITIVE_INFINITY) {
                throw new IOException(file + ": " + what + " " + a[i] + " at row " + i / width + ", column " + i % width
                        + " is not a finite value >= 0 (0 marks unknown depth)");
            }
        }
    }
}
