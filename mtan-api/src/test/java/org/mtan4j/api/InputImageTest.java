package org.mtan4j.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InputImageTest {

    private static final Path FILE = Path.of("x.png");

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
        float[] out = new InputImage(FILE, hwc, 2, 2).resizedChw(4, 4);
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
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, new InputImage(FILE, hwc, 1, 2).resizedChw(1, 2));
    }

    @Test
    void theDefaultPreprocessingResizesToTheModelsSize() throws Exception {
        float[] hwc = {1, 2, 3, 4, 5, 6};
        InputImage image = new InputImage(FILE, hwc, 1, 2);
        assertArrayEquals(image.resizedChw(3, 5), InputPreprocessing.RESIZE.modelInput(image, new Shape(3, 3, 5)));
    }

    @Test
    void sizesMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> new InputImage(FILE, new float[5], 1, 2));
    }
}
