package org.mtan4j.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtan4j.api.Direction;
import org.mtan4j.api.Metric;
import org.mtan4j.api.MetricProvider;
import org.mtan4j.api.MetricValue;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.testkit.MetricContract;

class ConfusionMatrixProviderTest extends MetricContract<ConfusionMatrixOptions> {

    private static final TaskSpec THREE_CLASSES = TaskSpec.segmentation("semantic", 3);

    @Override
    protected MetricProvider<ConfusionMatrixOptions> provider() {
        return new ConfusionMatrixProvider();
    }

    @Override
    protected ConfusionMatrixOptions options() {
        return ConfusionMatrixOptions.DEFAULTS;
    }

    /** Log-probabilities {@code (1, C, H, W)} whose arg-max is {@code labels}. */
    private NDArray predictionOf(int classes, int height, int width, int... labels) {
        return manager.create(labels, new Shape(1, height, width)).oneHot(classes).toType(DataType.FLOAT32, false)
                .transpose(0, 3, 1, 2).mul(5).logSoftmax(1);
    }

    private NDArray targetOf(int height, int width, float... labels) {
        return manager.create(labels, new Shape(1, height, width));
    }

    @Test
    void handComputedThreeClassExample() {
        // Class 2 is in neither target nor prediction; -1 is the ignore value and 7 is out of range.
        NDArray target = targetOf(4, 4,
                0, 0, 1, 1,
                0, 0, 1, 1,
                0, 1, 1, -1,
                -1, 7, 1, 1);
        NDArray prediction = predictionOf(3, 4, 4,
                0, 0, 1, 0,
                0, 1, 1, 1,
                0, 1, 1, 0,
                1, 1, 1, 1);
        ConfusionMatrixMetric metric = (ConfusionMatrixMetric) provider().create(options(), THREE_CLASSES);
        metric.update(prediction, target);

        // 13 valid pixels: M = [[4, 1, 0], [1, 7, 0], [0, 0, 0]].
        assertArrayEquals(new long[] {4, 1, 0}, metric.confusionMatrix()[0]);
        assertArrayEquals(new long[] {1, 7, 0}, metric.confusionMatrix()[1]);
        assertArrayEquals(new long[] {0, 0, 0}, metric.confusionMatrix()[2]);
        double[] iou = metric.classIou();
        assertEquals(4.0 / 6, iou[0], 1e-12);
        assertEquals(7.0 / 9, iou[1], 1e-12);
        assertTrue(Double.isNaN(iou[2]), "class 2 is undefined");

        List<MetricValue> values = metric.compute();
        assertEquals("miou", values.get(0).name());
        assertEquals(Direction.HIGHER_IS_BETTER, values.get(0).direction());
        assertEquals((4.0 / 6 + 7.0 / 9) / 2, values.get(0).value(), 1e-12);
        assertEquals("pixel-accuracy", values.get(1).name());
        assertEquals(Direction.HIGHER_IS_BETTER, values.get(1).direction());
        assertEquals(11.0 / 13, values.get(1).value(), 1e-12);
    }

    @Test
    void aClassOnlyPredictedCountsWithIouZero() {
        Metric metric = provider().create(options(), THREE_CLASSES);
        metric.update(predictionOf(3, 1, 2, 0, 2), targetOf(1, 2, 0, 0));
        // IoU: class 0 = 1/2, class 1 undefined, class 2 = 0/1.
        assertEquals(0.25, metric.compute().get(0).value(), 1e-12);
        assertEquals(0.5, metric.compute().get(1).value(), 1e-12);
    }

    @Test
    void anIgnoreValueInsideTheClassRangeIsIgnored() {
        Metric metric = provider().create(options(), new TaskSpec("semantic", TaskKind.SEGMENTATION, 3, 2));
        metric.update(predictionOf(3, 1, 3, 0, 1, 1), targetOf(1, 3, 0, 2, 1));
        assertEquals(1.0, metric.compute().get(0).value(), 1e-12);
        assertEquals(1.0, metric.compute().get(1).value(), 1e-12);
    }

    @Test
    void isNanWithoutValidPixels() {
        Metric metric = provider().create(options(), THREE_CLASSES);
        assertTrue(Double.isNaN(metric.compute().get(0).value()));
        metric.update(predictionOf(3, 1, 2, 0, 1), targetOf(1, 2, -1, -1));
        for (MetricValue value : metric.compute()) {
            assertTrue(Double.isNaN(value.value()), value.name());
        }
    }

    @Test
    void rejectsMismatchedShapesAndOtherKinds() {
        Metric metric = provider().create(options(), THREE_CLASSES);
        assertThrows(IllegalArgumentException.class,
                () -> metric.update(predictionOf(3, 2, 2, 0, 1, 2, 0), targetOf(1, 4, 0, 1, 2, 0)));
        assertThrows(IllegalArgumentException.class, () -> provider().create(options(), TaskSpec.depth("depth")));
    }

    /**
     * Two 3-class 4x4 images in one batch, both formulas and pixel accuracy by hand. Image A is the
     * example above (13 valid pixels, A = [[4, 1, 0], [1, 7, 0], [0, 0, 0]]); image B has 16 valid
     * pixels, B = [[6, 0, 0], [0, 2, 2], [1, 0, 5]] (rows: target, columns: predicted).
     */
    @Test
    void handComputedBothFormulasOnTwoImages() {
        int[] predictedA = {0, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1};
        float[] targetA = {0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 1, -1, -1, 7, 1, 1};
        int[] predictedB = {2, 2, 2, 0, 2, 2, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2};
        float[] targetB = {2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
        int[] predicted = new int[32];
        float[] target = new float[32];
        System.arraycopy(predictedA, 0, predicted, 0, 16);
        System.arraycopy(predictedB, 0, predicted, 16, 16);
        System.arraycopy(targetA, 0, target, 0, 16);
        System.arraycopy(targetB, 0, target, 16, 16);
        NDArray prediction = manager.create(predicted, new Shape(2, 4, 4)).oneHot(3).toType(DataType.FLOAT32, false)
                .transpose(0, 3, 1, 2).mul(5).logSoftmax(1);
        NDArray targets = manager.create(target, new Shape(2, 4, 4));

        // Accumulated: M = A + B = [[10, 1, 0], [1, 9, 2], [1, 0, 5]]; rows 11, 12, 6; columns 12, 10, 7.
        Metric accumulated = provider().create(ConfusionMatrixOptions.DEFAULTS, THREE_CLASSES);
        accumulated.update(prediction, targets);
        List<MetricValue> a = accumulated.compute();
        assertEquals((10.0 / 13 + 9.0 / 13 + 5.0 / 8) / 3, a.get(0).value(), 1e-12);
        assertEquals(24.0 / 29, a.get(1).value(), 1e-12);

        // Per image: A has classes 0 and 1 present, IoU 4/6 and 7/9, accuracy 11/13; B has all three,
        // IoU 6/7, 2/4 and 5/8, accuracy 13/16. Then the plain mean over the two images.
        Metric perImage = provider().create(new ConfusionMatrixOptions("per-image"), THREE_CLASSES);
        perImage.update(prediction, targets);
        List<MetricValue> p = perImage.compute();
        double miouA = (4.0 / 6 + 7.0 / 9) / 2;
        double miouB = (6.0 / 7 + 2.0 / 4 + 5.0 / 8) / 3;
        assertEquals((miouA + miouB) / 2, p.get(0).value(), 1e-12);
        assertEquals((11.0 / 13 + 13.0 / 16) / 2, p.get(1).value(), 1e-12);
        assertEquals(List.of("miou", "pixel-accuracy"), p.stream().map(MetricValue::name).toList());

        // An image without any valid pixel does not count; reset forgets.
        perImage.update(predictionOf(3, 1, 2, 0, 1), targetOf(1, 2, -1, -1));
        assertEquals((miouA + miouB) / 2, perImage.compute().get(0).value(), 1e-12);
        perImage.reset();
        assertTrue(Double.isNaN(perImage.compute().get(0).value()));
    }

    @Test
    void rejectsAnUnknownFormula() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrixOptions("mean"));
        assertTrue(e.getMessage().contains("per-image"), e.getMessage());
    }

    /** The per-image formula keeps the contract too: it averages over images, not batches. */
    @org.junit.jupiter.api.Nested
    class PerImage extends MetricContract<ConfusionMatrixOptions> {
        @Override
        protected MetricProvider<ConfusionMatrixOptions> provider() {
            return new ConfusionMatrixProvider();
        }

        @Override
        protected ConfusionMatrixOptions options() {
            return new ConfusionMatrixOptions(ConfusionMatrixOptions.PER_IMAGE);
        }
    }
}
