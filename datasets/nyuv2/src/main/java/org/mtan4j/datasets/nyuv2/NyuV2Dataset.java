package org.mtan4j.datasets.nyuv2;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.mtan4j.api.Sample;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.datasets.arrays.ArrayFolderDataset;
import org.mtan4j.datasets.arrays.ArrayTask;

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
final class NyuV2Dataset extends ArrayFolderDataset {

    /** NYUv2's 13 semantic classes (the release's labels 0..12; -1 unlabelled). */
    static final int CLASSES = 13;
    /** The reference's {@code RandomScaleCrop} scales. */
    static final double[] SCALES = {1.0, 1.2, 1.5};
    private static final long AUGMENT_SALT = 0x9E3779B97F4A7C15L;

    private final boolean augment;
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

        /** Where a task's array is read. */
        float[] source(TaskKind kind) {
            return kind == TaskKind.SEGMENTATION ? label : kind == TaskKind.DEPTH ? depth : normal;
        }

        /** Where a task's target is written, channels first. */
        float[] target(TaskKind kind) {
            return kind == TaskKind.SEGMENTATION ? outLabel : kind == TaskKind.DEPTH ? outDepth : outNormal;
        }
    }

    NyuV2Dataset(NyuV2Options options) throws IOException {
        super(NyuV2DatasetProvider.NAME, Path.of(options.root()), options.height(), options.width(), arrays(options));
        this.augment = options.augment();
        for (int k = 0; k < SCALES.length; k++) {
            // The reference crops int(H / s) x int(W / s) (Python's int truncates).
            rows[k] = new Resample((int) (height() / SCALES[k]), height());
            cols[k] = new Resample((int) (width() / SCALES[k]), width());
        }
        int plane = height() * width();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(plane));
    }

    /** The tasks: {@code semantic} reads {@code label/}, {@code depth} and {@code normal} their own folders. */
    static List<ArrayTask> arrays(NyuV2Options options) {
        return options.tasks().stream().map(t -> switch (t) {
            case "semantic" -> new ArrayTask(TaskSpec.segmentation("semantic", CLASSES), "label", 0, "label");
            case "depth" -> new ArrayTask(TaskSpec.depth("depth"), "depth", 1, "depth");
            case "normal" -> new ArrayTask(TaskSpec.normal("normal"), "normal", 3, "normal");
            default -> throw new AssertionError(t);
        }).toList();
    }

    /** The augmentation one seed chooses: scale index, crop corner, flip. */
    record Choice(int scale, int top, int left, boolean flip) {
    }

    /** What {@code seed} draws, for the image size of this dataset. */
    Choice choose(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ AUGMENT_SALT);
        int k = r.nextInt(SCALES.length);
        int top = r.nextInt(height() - rows[k].in + 1);
        int left = r.nextInt(width() - cols[k].in + 1);
        return new Choice(k, top, left, r.nextDouble() < 0.5);
    }

    @Override
    public Sample get(NDManager manager, String split, int index, long seed) throws IOException {
        checkIndex(split, index);
        Scratch s = scratch.get();
        readImage(split, index, s.image);
        for (ArrayTask task : arrays()) {
            readTarget(task, split, index, s.source(task.spec().kind()));
        }
        if (augment && TRAIN.equals(split)) {
            Choice c = choose(seed);
            Resample rs = rows[c.scale()];
            Resample cs = cols[c.scale()];
            bilinear(s.image, s.outImage, s.rows, rs, cs, c, false);
            for (ArrayTask task : arrays()) {
                switch (task.spec().kind()) {
                    case SEGMENTATION -> nearest(s.label, s.outLabel, rs, cs, c, 1f);
                    // Depth is divided by the scale: zooming in by s brings the scene s times closer.
                    case DEPTH -> nearest(s.depth, s.outDepth, rs, cs, c, (float) SCALES[c.scale()]);
                    default -> bilinear(s.normal, s.outNormal, s.rows, rs, cs, c, true);
                }
            }
        } else {
            channelsFirst(s.image, s.outImage, 3);
            for (ArrayTask task : arrays()) {
                TaskKind kind = task.spec().kind();
                channelsFirst(s.source(kind), s.target(kind), Math.max(task.channels(), 1));
            }
        }
        NDList targets = new NDList(arrays().size());
        for (ArrayTask task : arrays()) {
            targets.add(target(manager, task, s.target(task.spec().kind())));
        }
        return new Sample(manager.create(s.outImage, new Shape(3, height(), width())), targets);
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
        int plane = height() * width();
        int w = width();
        int rowLen = w * 3;
        int firstRow = rs.lo[0];
        int lastRow = rs.hi[height() - 1];
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
        for (int y = 0; y < height(); y++) {
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
        int w = width();
        for (int y = 0; y < height(); y++) {
            int row = (c.top() + rs.nearest[y]) * w + c.left();
            int outRow = y * w;
            for (int x = 0; x < w; x++) {
                int xr = c.flip() ? w - 1 - x : x;
                float v = src[row + cs.nearest[xr]];
                dst[outRow + x] = divisor == 1f ? v : v / divisor;
            }
        }
    }
}
