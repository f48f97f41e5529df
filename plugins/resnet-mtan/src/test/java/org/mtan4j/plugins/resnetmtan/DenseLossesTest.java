package org.mtan4j.plugins.resnetmtan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The NYUv2 losses on values worked out by hand (models.md, Losses). */
class DenseLossesTest extends EngineTest {

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
