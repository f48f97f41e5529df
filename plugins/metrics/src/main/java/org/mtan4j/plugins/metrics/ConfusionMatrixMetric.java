package org.mtan4j.plugins.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.mtan4j.api.Direction;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.TaskSpec;

/**
 * Segmentation quality from a confusion matrix accumulated over every update since the last reset
 * (models.md, "Losses, metrics, training"): rows are target classes, columns predicted classes.
 *
 * <p>Values, both {@link Direction#HIGHER_IS_BETTER}:
 * <ul>
 *   <li>{@value #MIOU}: the mean over classes of {@code IoU_c = M[c][c] / (row_c + col_c - M[c][c])}.
 *       A class absent from both the targets and the predictions has {@code 0 / 0}, an undefined IoU;
 *       it is left out of the mean (the paper's code would return NaN for the whole mean). A class
 *       that is only predicted, or only in the targets, counts with IoU 0. The value is NaN only when
 *       no class is defined, i.e. no valid pixel was seen.</li>
 *   <li>{@value #PIXEL_ACCURACY}: {@code trace(M) / sum(M)} over valid pixels; NaN without any.</li>
 * </ul>
 *
 * <p>With the per-image formula ({@link ConfusionMatrixOptions#PER_IMAGE}, the paper's original code)
 * both values are instead formed per image and then averaged over the images that have a valid pixel:
 * an image's mIoU is the mean IoU over the classes present in its valid targets or predictions (a
 * class with an empty union is skipped), its pixel accuracy is correct / valid pixels. Ignored pixels
 * are left out of both, as in the accumulated formula (the paper's code lets a prediction at an
 * ignored pixel enlarge that class's union; that quirk is not reproduced). The matrix accessors keep
 * describing the whole split either way.
 *
 * <p>Prediction {@code (N, C, H, W)} log-probabilities (any scores: only the arg-max over axis 1
 * matters), target {@code (N, H, W)} float class indices. A target pixel counts only when it is in
 * {@code [0, C)} and differs from the task's ignore value.
 */
public final class ConfusionMatrixMetric implements Metric {

    /** The name of the mean intersection-over-union value. */
    public static final String MIOU = "miou";
    /** The name of the pixel accuracy value. */
    public static final String PIXEL_ACCURACY = "pixel-accuracy";

    private final String task;
    private final int classes;
    private final int ignoreValue;
    /** Row-major (target, predicted) counts, plus one last slot that collects the ignored pixels. */
    private final long[] counts;
    private final boolean perImage;
    /** Per-image formula: the sums over images of their mIoU and pixel accuracy, and how many images. */
    private double imageIouSum;
    private double imageAccuracySum;
    private long images;

    /**
     * A fresh, empty matrix for {@code task}'s classes and ignore value.
     *
     * @throws IllegalArgumentException when the task has fewer than 2 classes, or so many that the
     *     flat cell index {@code target * C + predicted} would not fit an int
     */
    public ConfusionMatrixMetric(TaskSpec task) {
        this(task, false);
    }

    /**
     * A fresh, empty matrix for {@code task}.
     *
     * @param perImage report the per-image formula instead of the accumulated one
     * @throws IllegalArgumentException as {@link #ConfusionMatrixMetric(TaskSpec)}
     */
    public ConfusionMatrixMetric(TaskSpec task, boolean perImage) {
        this.perImage = perImage;
        this.task = task.name();
        this.classes = task.classes();
        this.ignoreValue = task.ignoreValue();
        if (classes < 2 || classes > 46_340) {
            throw new IllegalArgumentException("confusion-matrix of task '" + task.name()
                    + "' needs 2 to 46340 classes, got " + classes);
        }
        this.counts = new long[classes * classes + 1];
    }

    @Override
    public void update(NDArray prediction, NDArray target) {
        checkShapes(prediction, target);
        int ignoredCell = classes * classes;
        try (NDManager scope = MetricSupport.scope(prediction, target)) {
            // The engine computes each pixel's cell t * C + p (the reference's bincount index) and sends
            // ignored pixels to one extra cell; a single int copy per batch then feeds a Java histogram,
            // which measured far faster than the engine's sort-based unique-with-counts.
            NDArray predicted = prediction.argMax(1).toType(DataType.INT32, false);
            NDArray valid = target.gte(0).logicalAnd(target.lt(classes)).logicalAnd(target.neq(ignoreValue));
            NDArray cell = target.toType(DataType.INT32, false).mul(classes).add(predicted);
            int[] cells = NDArrays.where(valid, cell, scope.create(ignoredCell)).toIntArray();
            for (int c : cells) {
                counts[c]++;
            }
            if (perImage) {
                addImages(cells, (int) prediction.getShape().get(0));
            }
        }
    }

    /** Adds each image's mIoU and pixel accuracy; {@code cells} holds the images one after another. */
    private void addImages(int[] cells, int n) {
        int pixels = cells.length / n;
        int ignoredCell = classes * classes;
        long[] intersection = new long[classes];
        long[] targets = new long[classes];
        long[] predictions = new long[classes];
        for (int i = 0; i < n; i++) {
            Arrays.fill(intersection, 0);
            Arrays.fill(targets, 0);
            Arrays.fill(predictions, 0);
            long valid = 0;
            long correct = 0;
            for (int k = i * pixels; k < (i + 1) * pixels; k++) {
                int c = cells[k];
                if (c == ignoredCell) {
                    continue;
                }
                int t = c / classes;
                int p = c % classes;
                targets[t]++;
                predictions[p]++;
                valid++;
                if (t == p) {
                    intersection[t]++;
                    correct++;
                }
            }
            if (valid == 0) {
                continue; // nothing to measure in this image: it does not count
            }
            double iouSum = 0;
            int present = 0;
            for (int c = 0; c < classes; c++) {
                long union = targets[c] + predictions[c] - intersection[c];
                if (union > 0) {
                    iouSum += (double) intersection[c] / union;
                    present++;
                }
            }
            imageIouSum += iouSum / present;
            imageAccuracySum += (double) correct / valid;
            images++;
        }
    }

    private void checkShapes(NDArray prediction, NDArray target) {
        Shape p = prediction.getShape();
        Shape t = target.getShape();
        boolean ok = p.dimension() >= 2 && p.get(1) == classes && t.dimension() == p.dimension() - 1
                && t.get(0) == p.get(0) && t.slice(1).equals(p.slice(2));
        if (!ok) {
            throw new IllegalArgumentException("confusion-matrix of task '" + task + "' needs prediction (N, "
                    + classes + ", H, W) and target (N, H, W), got prediction " + p + " and target " + t);
        }
    }

    @Override
    public List<MetricValue> compute() {
        if (perImage) {
            return List.of(
                    new MetricValue(MIOU, MetricSupport.ratio(imageIouSum, images), Direction.HIGHER_IS_BETTER),
                    new MetricValue(PIXEL_ACCURACY, MetricSupport.ratio(imageAccuracySum, images), Direction.HIGHER_IS_BETTER));
        }
        double[] iou = classIou();
        double iouSum = 0;
        int defined = 0;
        for (double v : iou) {
            if (!Double.isNaN(v)) {
                iouSum += v;
                defined++;
            }
        }
        long trace = 0;
        long total = 0;
        for (int c = 0; c < classes; c++) {
            trace += cell(c, c);
            for (int p = 0; p < classes; p++) {
                total += cell(c, p);
            }
        }
        return List.of(
                new MetricValue(MIOU, MetricSupport.ratio(iouSum, defined), Direction.HIGHER_IS_BETTER),
                new MetricValue(PIXEL_ACCURACY, MetricSupport.ratio(trace, total), Direction.HIGHER_IS_BETTER));
    }

    /**
     * Each class's intersection over union so far, {@code M[c][c] / (row_c + col_c - M[c][c])}; NaN for
     * a class absent from both targets and predictions.
     */
    public double[] classIou() {
        double[] iou = new double[classes];
        for (int c = 0; c < classes; c++) {
            long row = 0;
            long column = 0;
            for (int o = 0; o < classes; o++) {
                row += cell(c, o);
                column += cell(o, c);
            }
            long union = row + column - cell(c, c);
            iou[c] = union == 0 ? Double.NaN : (double) cell(c, c) / union;
        }
        return iou;
    }

    /** A copy of the matrix so far: {@code [target][predicted]} pixel counts. */
    public long[][] confusionMatrix() {
        long[][] out = new long[classes][];
        for (int c = 0; c < classes; c++) {
            out[c] = Arrays.copyOfRange(counts, c * classes, (c + 1) * classes);
        }
        return out;
    }

    private long cell(int target, int predicted) {
        return counts[target * classes + predicted];
    }

    @Override
    public void reset() {
        Arrays.fill(counts, 0);
        imageIouSum = 0;
        imageAccuracySum = 0;
        images = 0;
    }
}
