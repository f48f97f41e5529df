package org.mtan4j.datasets.nyuv2;

import ai.djl.ndarray.NDArray;
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
import java.util.SplittableRandom;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.Sample;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.io.Npy;
import org.mtan4j.api.io.NpyDType;
import org.mtan4j.api.io.NpyFolders;

/**
 * The {@code nyuv2} dataset over the paper's pre-processed release:
 * {@code <root>/<split>/{image,label,depth,normal}/<index>.npy}, little-endian float32, C order;
 * image (H, W, 3) in [0, 1], label (H, W) with 0..12 and -1, depth (H, W, 1) with 0 where unknown,
 * normal (H, W, 3) with zeros where unknown. Channels move first, as the reference loader's
 * {@code np.moveaxis(..., -1, 0)}.
 *
 * <p>Thread-safe: the only state is immutable (sizes, resampling tables) plus per-thread scratch
 * buffers, so loader threads never share a mutable array.
 */
final class NyuV2Dataset implements MultiTaskDataset {

    /** NYUv2's 13 semantic classes (the release's labels 0..12; -1 unlabelled). */
    static final int CLASSES = 13;
    /** The reference's {@code RandomScaleCrop} scales. */
    static final double[] SCALES = {1.0, 1.2, 1.5};
    private static final List<String> SPLITS = List.of(TRAIN, VAL);
    private static final long AUGMENT_SALT = 0x9E3779B97F4A7C15L;

    private final NyuV2Options options;
    private final Path root;
    private final int height;
    private final int width;
    private final int trainSize;
    private final int valSize;
    private final List<TaskSpec> tasks;
    /** Per scale: resampling of the cropped rows and columns back to the full size. */
    private final Resample[] rows = new Resample[SCALES.length];
    private final Resample[] cols = new Resample[SCALES.length];
    private final ThreadLocal<Scratch> scratch;

    /** Per-thread buffers: the source arrays as read and the channels-first outputs. */
    private static final class Scratch {
        final float[] image;
        final float[] label;
        final float[] depth;
        final float[] normal;
        final float[] outImage;
        final float[] outLabel;
        final float[] outDepth;
        final float[] outNormal;
        /** Source rows interpolated along W, for the bilinear resize. */
        final float[] rows;

        Scratch(int plane) {
            rows = new float[3 * plane];
            image = new float[3 * plane];
            label = new float[plane];
            depth = new float[plane];
            normal = new float[3 * plane];
            outImage = new float[3 * plane];
            outLabel = new float[plane];
            outDepth = new float[plane];
            outNormal = new float[3 * plane];
        }
    }

    NyuV2Dataset(NyuV2Options options) throws IOException {
        this.options = options;
        this.root = Path.of(options.root());
        this.height = options.height();
        this.width = options.width();
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": missing dataset folder (option root)");
        }
        List<TaskSpec> specs = new ArrayList<>();
        for (String t : options.tasks()) {
            specs.add(switch (t) {
                case "semantic" -> TaskSpec.segmentation("semantic", CLASSES);
                case "depth" -> TaskSpec.depth("depth");
                case "normal" -> TaskSpec.normal("normal");
                default -> throw new AssertionError(t);
            });
        }
        this.tasks = List.copyOf(specs);
        this.trainSize = countSplit(TRAIN);
        this.valSize = countSplit(VAL);
        for (int k = 0; k < SCALES.length; k++) {
            // The reference crops int(H / s) x int(W / s) (Python's int truncates).
            rows[k] = new Resample((int) (height / SCALES[k]), height);
            cols[k] = new Resample((int) (width / SCALES[k]), width);
        }
        int plane = height * width;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(plane));
    }

    private static String folder(String task) {
        return "semantic".equals(task) ? "label" : task;
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
            shapes.put(folder(task), switch (task) {
                case "semantic" -> new int[] {height, width};
                case "depth" -> new int[] {height, width, 1};
                default -> new int[] {height, width, 3};
            });
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
        throw new IllegalArgumentException("unknown split '" + split + "'; the nyuv2 dataset has " + SPLITS);
    }

    /** The augmentation one seed chooses: scale index, crop corner, flip. */
    record Choice(int scale, int top, int left, boolean flip) {
    }

    /** What {@code seed} draws, for the image size of this dataset. */
    Choice choose(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ AUGMENT_SALT);
        int k = r.nextInt(SCALES.length);
        int top = r.nextInt(height - rows[k].in + 1);
        int left = r.nextInt(width - cols[k].in + 1);
        return new Choice(k, top, left, r.nextDouble() < 0.5);
    }

    @Override
    public Sample get(NDManager manager, String split, int index, long seed) throws IOException {
        int size = size(split);
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for split '" + split + "' of size " + size);
        }
        Scratch s = scratch.get();
        Path dir = root.resolve(split);
        String name = index + ".npy";
        int h = height;
        int w = width;
        Path imageFile = dir.resolve("image").resolve(name);
        Npy.read(imageFile, NpyDType.FLOAT32, new int[] {h, w, 3}, s.image);
        checkFinite(s.image, imageFile, "image");
        boolean semantic = options.tasks().contains("semantic");
        boolean depth = options.tasks().contains("depth");
        boolean normal = options.tasks().contains("normal");
        if (semantic) {
            Path f = dir.resolve("label").resolve(name);
            Npy.read(f, NpyDType.FLOAT32, new int[] {h, w}, s.label);
            checkLabels(s.label, f, w);
        }
        if (depth) {
            Path f = dir.resolve("depth").resolve(name);
            Npy.read(f, NpyDType.FLOAT32, new int[] {h, w, 1}, s.depth);
            checkDepth(s.depth, f, w);
        }
        if (normal) {
            Path f = dir.resolve("normal").resolve(name);
            Npy.read(f, NpyDType.FLOAT32, new int[] {h, w, 3}, s.normal);
            checkFinite(s.normal, f, "normal");
        }
        if (options.augment() && TRAIN.equals(split)) {
            Choice c = choose(seed);
            Resample rs = rows[c.scale()];
            Resample cs = cols[c.scale()];
            bilinear(s.image, s.outImage, s.rows, rs, cs, c, false);
            if (semantic) {
                nearest(s.label, s.outLabel, rs, cs, c, 1f);
            }
            if (depth) {
                // Depth is divided by the scale: zooming in by s brings the scene s times closer.
                nearest(s.depth, s.outDepth, rs, cs, c, (float) SCALES[c.scale()]);
            }
            if (normal) {
                bilinear(s.normal, s.outNormal, s.rows, rs, cs, c, true);
            }
        } else {
            channelsFirst(s.image, s.outImage, 3);
            if (semantic) {
                System.arraycopy(s.label, 0, s.outLabel, 0, h * w);
            }
            if (depth) {
                System.arraycopy(s.depth, 0, s.outDepth, 0, h * w);
            }
            if (normal) {
                channelsFirst(s.normal, s.outNormal, 3);
            }
        }
        NDList targets = new NDList(tasks.size());
        for (String t : options.tasks()) {
            targets.add(switch (t) {
                case "semantic" -> manager.create(s.outLabel, new Shape(h, w));
                case "depth" -> manager.create(s.outDepth, new Shape(1, h, w));
                default -> manager.create(s.outNormal, new Shape(3, h, w));
            });
        }
        NDArray image = manager.create(s.outImage, new Shape(3, h, w));
        return new Sample(image, targets);
    }

    /** (H, W, C) to (C, H, W). */
    private void channelsFirst(float[] src, float[] dst, int channels) {
        int plane = height * width;
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                dst[c * plane + p] = src[p * channels + c];
            }
        }
    }

    /**
     * Crops (H, W, 3) {@code src} at the choice's corner, resizes bilinearly (align_corners) back to
     * (H, W), flips if chosen, writes (3, H, W). For normals a flip negates x, as the reference does.
     *
     * <p>Separable, in PyTorch's order: each needed source row is first interpolated along W into
     * {@code rowsBuf} (once, however many output rows use it), then pairs of those rows are blended
     * along H. The values are the same as interpolating each output pixel from its four sources.
     */
    private void bilinear(float[] src, float[] dst, float[] rowsBuf, Resample rs, Resample cs, Choice c, boolean normals) {
        int plane = height * width;
        int w = width;
        int rowLen = w * 3;
        int firstRow = rs.lo[0];
        int lastRow = rs.hi[height - 1];
        for (int r = firstRow; r <= lastRow; r++) {
            int srcRow = (c.top() + r) * w;
            int out = (r - firstRow) * rowLen;
            for (int x = 0; x < w; x++) {
                int xr = c.flip() ? w - 1 - x : x; // flipping after the resize: column x shows resized column W-1-x
                int a = (srcRow + c.left() + cs.lo[xr]) * 3;
                int b = (srcRow + c.left() + cs.hi[xr]) * 3;
                float wx0 = cs.wLo[xr];
                float wx1 = cs.wHi[xr];
                rowsBuf[out + x * 3] = src[a] * wx0 + src[b] * wx1;
                rowsBuf[out + x * 3 + 1] = src[a + 1] * wx0 + src[b + 1] * wx1;
                rowsBuf[out + x * 3 + 2] = src[a + 2] * wx0 + src[b + 2] * wx1;
            }
        }
        boolean negateX = normals && c.flip();
        for (int y = 0; y < height; y++) {
            int t0 = (rs.lo[y] - firstRow) * rowLen;
            int t1 = (rs.hi[y] - firstRow) * rowLen;
            float wy0 = rs.wLo[y];
            float wy1 = rs.wHi[y];
            int outRow = y * w;
            for (int x = 0; x < w; x++) {
                int i = x * 3;
                float v0 = rowsBuf[t0 + i] * wy0 + rowsBuf[t1 + i] * wy1;
                // 0 - v rather than -v: unknown (zero) normals stay +0.
                dst[outRow + x] = negateX ? 0f - v0 : v0;
                dst[plane + outRow + x] = rowsBuf[t0 + i + 1] * wy0 + rowsBuf[t1 + i + 1] * wy1;
                dst[2 * plane + outRow + x] = rowsBuf[t0 + i + 2] * wy0 + rowsBuf[t1 + i + 2] * wy1;
            }
        }
    }

    /** Crops (H, W) {@code src}, resizes by nearest neighbour, flips if chosen, divides by {@code divisor}. */
    private void nearest(float[] src, float[] dst, Resample rs, Resample cs, Choice c, float divisor) {
        int w = width;
        for (int y = 0; y < height; y++) {
            int row = (c.top() + rs.nearest[y]) * w + c.left();
            int outRow = y * w;
            for (int x = 0; x < w; x++) {
                int xr = c.flip() ? w - 1 - x : x;
                float v = src[row + cs.nearest[xr]];
                dst[outRow + x] = divisor == 1f ? v : v / divisor;
            }
        }
    }

    private static void checkFinite(float[] a, Path file, String what) throws IOException {
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i])) {
                throw new IOException(file + ": " + what + " value " + a[i] + " at element " + i + " is not finite");
            }
        }
    }

    private static void checkLabels(float[] a, Path file, int width) throws IOException {
        for (int i = 0; i < a.length; i++) {
            float v = a[i];
            if (v != -1f && !(v >= 0f && v < CLASSES && v == (int) v)) {
                throw new IOException(file + ": label " + v + " at row " + i / width + ", column " + i % width
                        + " is not a class 0.." + (CLASSES - 1) + " nor the ignore value -1");
            }
        }
    }

    private static void checkDepth(float[] a, Path file, int width) throws IOException {
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] >= 0f) || a[i] == Float.POSITIVE_INFINITY) {
                throw new IOException(file + ": depth " + a[i] + " at row " + i / width + ", column " + i % width
                        + " is not a finite value >= 0 (0 marks unknown depth)");
            }
        }
    }
}
