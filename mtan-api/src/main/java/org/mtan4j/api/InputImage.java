package org.mtan4j.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An image handed to {@code mtan predict --input}, as read from its file: RGB values in [0, 1],
 * interleaved row by row ({@code (H, W, 3)}, as the dense datasets store their images).
 *
 * @param file the file it was read from (a PNG, a JPEG or a {@code .npy}); a dataset that decodes
 *     image files itself (to give the exact pixels its own splits get) reads it again
 * @param hwc {@code height * width * 3} values
 * @param height rows
 * @param width columns
 */
public record InputImage(Path file, float[] hwc, int height, int width) {

    /** Checks the sizes agree. */
    public InputImage {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(hwc, "hwc is null");
        if (height < 1 || width < 1 || hwc.length != height * width * 3) {
            throw new IllegalArgumentException(file + ": " + hwc.length + " values for a " + height + " x " + width + " RGB image");
        }
    }

    /**
     * The image resized bilinearly to {@code outHeight x outWidth}, channel-major ({@code (3, H, W)}),
     * with half-pixel centres (PyTorch's {@code interpolate(bilinear, align_corners=False)}, no
     * antialiasing); a plain transpose when the size already fits.
     */
    public float[] resizedChw(int outHeight, int outWidth) {
        int h = height;
        int w = width;
        float[] out = new float[3 * outHeight * outWidth];
        int plane = outHeight * outWidth;
        for (int y = 0; y < outHeight; y++) {
            float sy = h == outHeight ? y : Math.max(0f, (y + 0.5f) * h / outHeight - 0.5f);
            int y0 = Math.min((int) sy, h - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            float fy = sy - y0;
            for (int x = 0; x < outWidth; x++) {
                float sx = w == outWidth ? x : Math.max(0f, (x + 0.5f) * w / outWidth - 0.5f);
                int x0 = Math.min((int) sx, w - 1);
                int x1 = Math.min(x0 + 1, w - 1);
                float fx = sx - x0;
                for (int c = 0; c < 3; c++) {
                    float top = hwc[(y0 * w + x0) * 3 + c] * (1 - fx) + hwc[(y0 * w + x1) * 3 + c] * fx;
                    float bottom = hwc[(y1 * w + x0) * 3 + c] * (1 - fx) + hwc[(y1 * w + x1) * 3 + c] * fx;
                    out[c * plane + y * outWidth + x] = top * (1 - fy) + bottom * fy;
                }
            }
        }
        return out;
    }
}
