package org.mtan4j.blocks.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.mtan4j.testkit.EngineTest;

/** The three losses on tiny examples worked out by hand (models.md, "Losses"). */
class DenseLossesTest extends EngineTest {

    private static final float NAN = Float.NaN;

    @Test
    void semanticIsTheMeanNllOverLabelledPixels() {
        // (1, 3, 2, 2) log-probabilities, channel-major: pixel order (0,0) (0,1) (1,0) (1,1).
        NDArray logp = manager.create(new float[] {
            -0.5f, -1.0f, NAN, -0.25f,
            -1.5f, -2.0f, NAN, -3.0f,
            -2.5f, -4.0f, NAN, -0.75f,
        }, new Shape(1, 3, 2, 2));
        // classes 0, 2, ignored, 1 -> -(-0.5 - 4.0 - 3.0) / 3 = 2.5; the NaN pixel is ignored.
        NDArray target = manager.create(new float[] {0, 2, -1, 1}, new Shape(1, 2, 2));
        assertEquals(2.5f, DenseLosses.semanticNll(logp, target, -1f).getFloat(), 1e-6f);
        assertEquals(new Shape(), DenseLosses.semanticNll(logp, target, -1f).getShape());
    }

    @Test
    void depthIsTheMeanAbsoluteErrorWhereDepthIsKnown() {
        NDArray prediction = manager.create(new float[] {1f, 2f, 3f, NAN, 0.5f, 7f}, new Shape(2, 1, 1, 3));
        NDArray target = manager.create(new float[] {1.5f, 0f, 1f, 0f, 2.5f, 0f}, new Shape(2, 1, 1, 3));
        // |1 - 1.5| + |3 - 1| + |0.5 - 2.5| = 4.5 over 3 known pixels.
        assertEquals(1.5f, DenseLosses.depthL1(prediction, target, 0f).getFloat(), 1e-6f);
    }

    @Test
    void normalIsOneMinusTheMeanCosineWhereTheTargetsChannelSumIsNotZero() {
        float h = 0.70710677f;
        // Four pixels (1, 3, 1, 4): targets (0.6, 0.8, 0), (0, 0.8, -0.6), all zero, (h, -h, 0).
        NDArray target = manager.create(new float[] {
            0.6f, 0f, 0f, h,
            0.8f, 0.8f, 0f, -h,
            0f, -0.6f, 0f, 0f,
        }, new Shape(1, 3, 1, 4));
        NDArray prediction = manager.create(new float[] {
            1f, 0f, NAN, 1f,
            0f, 1f, NAN, 0f,
            0f, 0f, NAN, 0f,
        }, new Shape(1, 3, 1, 4));
        // Dots 0.6 and 0.8 on the two valid pixels; the last target's channels sum to 0, so the
        // reference's rule counts it as unknown too: 1 - 1.4 / 2 = 0.3.
        assertEquals(0.3f, DenseLosses.normalCosine(prediction, target).getFloat(), 1e-6f);
    }

    @Test
    void aBatchWithoutValidPixelsHasLossZeroAndZeroGradient() {
        assertZeroWithZeroGradient(new Shape(2, 4, 2, 3), manager.full(new Shape(2, 2, 3), -1f),
                (p, t) -> DenseLosses.semanticNll(p.logSoftmax(1), t, -1f));
        assertZeroWithZeroGradient(new Shape(2, 1, 2, 3), manager.zeros(new Shape(2, 1, 2, 3)),
                (p, t) -> DenseLosses.depthL1(p, t, 0f));
        assertZeroWithZeroGradient(new Shape(2, 3, 2, 3), manager.zeros(new Shape(2, 3, 2, 3)),
                (p, t) -> DenseLosses.normalCosine(OutputActivation.L2_NORMALIZE.apply(p), t));
    }

    private void assertZeroWithZeroGradient(Shape predictionShape, NDArray target, BinaryOperator<NDArray> loss) {
        NDArray raw = manager.randomNormal(predictionShape);
        raw.setRequiresGradient(true);
        float value;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray l = loss.apply(raw, target);
            value = l.getFloat();
            collector.backward(l);
        }
        assertEquals(0f, value);
        assertArrayEquals(new float[(int) raw.size()], raw.getGradient().abs().toFloatArray());
    }

    @Test
    void gradientsMatchTheHandDerivation() {
        // depth: d/dp sum|p - t| / n = sign(p - t) / n on known pixels, 0 elsewhere.
        NDArray p = manager.create(new float[] {1f, 2f, 3f, 4f}, new Shape(1, 1, 2, 2));
        p.setRequiresGradient(true);
        NDArray t = manager.create(new float[] {2f, 0f, 1f, 0f}, new Shape(1, 1, 2, 2));
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(DenseLosses.depthL1(p, t, 0f));
        }
        assertArrayEquals(new float[] {-0.5f, 0f, 0.5f, 0f}, p.getGradient().toFloatArray(), 1e-6f);
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThrows(IllegalArgumentException.class, () -> DenseLosses.semanticNll(
                manager.zeros(new Shape(1, 3, 2, 2)), manager.zeros(new Shape(1, 1, 2, 2)), -1f));
        assertThrows(IllegalArgumentException.class, () -> DenseLosses.depthL1(
                manager.zeros(new Shape(1, 1, 2, 2)), manager.zeros(new Shape(1, 1, 2, 3)), 0f));
    }

    @Test
    void semanticNllIgnoresUnlabelledPixels() {
        // 1 image, 2 classes, 1x3 pixels; log-probabilities log(p) with p(class 0) = 0.8, 0.5, 0.1.
        NDArray p0 = manager.create(new float[] {0.8f, 0.5f, 0.1f}, new Shape(1, 1, 1, 3));
        NDArray logP = p0.concat(p0.neg().add(1f), 1).log();
        NDArray target = manager.create(new float[] {0, 1, -1}, new Shape(1, 1, 3));
        // -(log 0.8 + log 0.5) / 2; the third pixel is ignored.
        assertEquals((float) (-(Math.log(0.8) + Math.log(0.5)) / 2), DenseLosses.semanticNll(logP, target, -1f).getFloat(), 1e-6f);
    }

    @Test
    void depthL1OverKnownPixels() {
        NDArray prediction = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
        NDArray target = manager.create(new float[] {1.5f, 0, 1, 4}, new Shape(1, 1, 2, 2));
        // |1 - 1.5| + |3 - 1| + |4 - 4| over 3 known pixels.
        assertEquals(2.5f / 3, DenseLosses.depthL1(prediction, target, 0f).getFloat(), 1e-6f);
    }

    @Test
    void normalCosineOverKnownPixels() {
        // Two pixels: prediction (1,0,0) and (0,1,0); targets (0.6,0.8,0) and unknown (0,0,0).
        NDArray prediction = manager.create(new float[] {1, 0, 0, 1, 0, 0}, new Shape(1, 3, 1, 2));
        NDArray target = manager.create(new float[] {0.6f, 0, 0.8f, 0, 0, 0}, new Shape(1, 3, 1, 2));
        assertEquals(1f - 0.6f, DenseLosses.normalCosine(prediction, target).getFloat(), 1e-6f);
        assertEquals(0f, DenseLosses.normalCosine(prediction, target.zerosLike()).getFloat(), 0f, "no known pixel: 0, not NaN");
    }
}
