package org.mtan4j.runtime.predict;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.mtan4j.numpy.Npy;
import org.mtan4j.numpy.NpyArray;
import org.mtan4j.numpy.NpyDType;
import org.mtan4j.numpy.RegularFiles;

/**
 * Reads prediction inputs as {@code (3, H, W)} float arrays in [0, 1] at the model's size; see the
 * package comment for the accepted files and the resizing.
 */
public final class InputImages {

    private InputImages() {
    }

    /** Whether {@code file}'s extension is one {@link #load} accepts ({@code .npy}, {@code .png}, {@code .jpg}, {@code .jpeg}). */
    public static boolean accepted(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".npy") || name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    /** {@code file}'s name without its extension: the stem of the output files. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Reads {@code file} and resizes it to {@code height x width}.
     *
     * @return {@code 3 * height * width} values, channel-major ({@code (3, H, W)})
     * @throws PredictionException naming the file when it is missing, unreadable, of an unsupported kind,
     *     not {@code (H, W, 3)}, not floating point or outside [0, 1]
     */
    public static float[] load(Path file, int height, int width) {
        if (RegularFiles.problem(file) != null) {
            throw new PredictionException(file + ": " + RegularFiles.problem(file));
        }
        if (!accepted(file)) {
            throw new PredictionException(file + ": not an accepted input; expected .npy (H, W, 3 floats in [0, 1]), .png, .jpg or .jpeg");
        }
        float[] hwc;
        int h;
        int w;
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            NpyArray array;
            try {
                array = Npy.readConverting(file);
            } catch (IOException e) {
                throw new PredictionException(e.getMessage(), e);
            }
            int[] shape = array.shape();
            if (shape.length != 3 || shape[2] != 3 || shape[0] < 1 || shape[1] < 1) {
                throw new PredictionException(file + ": shape " + array.shapeString() + ", expected (H, W, 3) as the datasets store images");
            }
            if (array.dtype() != NpyDType.FLOAT32 && array.dtype() != NpyDType.FLOAT64) {
                throw new PredictionException(file + ": dtype " + array.dtype().descr() + ", expected floats in [0, 1] (<f4 or <f8)");
            }
            hwc = array.data();
            for (int i = 0; i < hwc.length; i++) {
                if (!(hwc[i] >= 0f && hwc[i] <= 1f)) {
                    throw new PredictionException(file + ": value " + hwc[i] + " at flat index " + i + " is outside [0, 1]");
                }
            }
            h = shape[0];
            w = shape[1];
        } else {
            BufferedImage image;
            try {
                image = ImageIO.read(file.toFile());
            } catch (IOException e) {
                throw new PredictionException(file + ": cannot read the image: " + e.getMessage(), e);
            }
            if (image == null) {
                throw new PredictionException(file + ": not a readable PNG or JPEG image");
            }
            h = image.getHeight();
            w = image.getWidth();
            hwc = new float[h * w * 3];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = image.getRGB(x, y);
                    int o = (y * w + x) * 3;
                    hwc[o] = ((rgb >> 16) & 0xff) / 255f;
                    hwc[o + 1] = ((rgb >> 8) & 0xff) / 255f;
                    hwc[o + 2] = (rgb & 0xff) / 255f;
                }
            }
        }
        return resizeToChw(hwc, h, w, height, width);
    }

    /**
     * Bilinear resize of an {@code (h, w, 3)} image to {@code (3, outH, outW)} with half-pixel centres
     * (PyTorch's {@code align_corners=False}); a plain transpose when the size already fits.
     */
    static float[] resizeToChw(float[] hwc, int h, int w, int outH, int outW) {
        float[] out = new float[3 * outH * outW];
        int plane = outH * outW;
        for (int y = 0; y < outH; y++) {
            float sy = h == outH ? y : Math.max(0f, (y + 0.5f) * h / outH - 0.5f);
            int y0 = Math.min((int) sy, h - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            float fy = sy - y0;
            for (int x = 0; x < outW; x++) {
                float sx = w == outW ? x : Math.max(0f, (x + 0.5f) * w / outW - 0.5f);
                int x0 = Math.min((int) sx, w - 1);
                int x1 = Math.min(x0 + 1, w - 1);
                float fx = sx - x0;
                for (int c = 0; c < 3; c++) {
                    float top = hwc[(y0 * w + x0) * 3 + c] * (1 - fx) + hwc[(y0 * w + x1) * 3 + c] * fx;
                    float bottom = hwc[(y1 * w + x0) * 3 + c] * (1 - fx) + hwc[(y1 * w + x1) * 3 + c] * fx;
                    out[c * plane + y * outW + x] = top * (1 - fy) + bottom * fy;
                }
            }
        }
        return out;
    }
}
