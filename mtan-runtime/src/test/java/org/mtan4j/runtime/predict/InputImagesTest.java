package org.mtan4j.runtime.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.numpy.Npy;

class InputImagesTest {

    /** 2x2 to 4x4 with half-pixel centres, as PyTorch's interpolate(bilinear, align_corners=False). */
    @Test
    void resizesBilinearlyWithHalfPixelCentres() {
        float[] hwc = new float[2 * 2 * 3];
        float[] grid = {0, 1, 2, 3};
        for (int p = 0; p < 4; p++) {
            for (int c = 0; c < 3; c++) {
                hwc[p * 3 + c] = grid[p] + 10 * c;
            }
        }
        float[] out = InputImages.resizeToChw(hwc, 2, 2, 4, 4);
        float[] expected = {0, .25f, .75f, 1, .5f, .75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f, 2, 2.25f, 2.75f, 3};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 16; i++) {
                assertEquals(expected[i] + 10 * c, out[c * 16 + i], 1e-5, "channel " + c + " at " + i);
            }
        }
    }

    @Test
    void sameSizeIsATranspose() {
        float[] hwc = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, InputImages.resizeToChw(hwc, 1, 2, 1, 2));
    }

    @Test
    void badArraysAreRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path outside = dir.resolve("outside.npy");
        Npy.write(outside, new float[] {0, 0.5f, 2f}, 1, 1, 3);
        PredictionException e = assertThrows(PredictionException.class, () -> InputImages.load(outside, 1, 1));
        assertTrue(e.getMessage().contains(outside.toString()) && e.getMessage().contains("[0, 1]"), e.getMessage());
        Path text = dir.resolve("text.png");
        Files.writeString(text, "not an image");
        e = assertThrows(PredictionException.class, () -> InputImages.load(text, 1, 1));
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
        Path gif = dir.resolve("x.gif");
        Files.writeString(gif, "x");
        assertThrows(PredictionException.class, () -> InputImages.load(gif, 1, 1));
    }
}
