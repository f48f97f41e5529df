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
import org.mtan4j.api.NoOptions;
import org.mtan4j.api.TaskKind;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.contract.MetricContract;

class ConfusionMatrixProviderTest extends MetricContract<NoOptions> {

    private static final TaskSpec THREE_CLASSES = TaskSpec.segmentation("semantic", 3);

    @Override
    protected MetricProvider<NoOptions> provider() {
        return new ConfusionMatrixProvider();
    }

    @Override
    protected NoOptions options() {
        return NoOptions.INSTANCE;
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
}
