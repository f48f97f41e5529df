package org.mtan4j.runtime.predict;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.mtan4j.api.InputImage;
import org.mtan4j.api.io.Npy;
import org.mtan4j.api.io.NpyArray;
import org.mtan4j.api.io.NpyDType;
import org.mtan4j.api.io.RegularFiles;

/**
 * Reads prediction inputs as {@link InputImage}s, RGB in [0, 1]; see the package comment for the
 * accepted files.
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
     * Reads {@code file} at its own size; each dataset then makes its model input of it
     * ({@link org.mtan4j.api.DatasetProvider#inputPreprocessing}).
     *
     * @throws PredictionException naming the file when it is missing, unreadable, of an unsupported kind,
     *     not {@code (H, W, 3)}, not floating point or outside [0, 1]
     */
    public static InputImage read(Path file) {
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
        return new InputImage(file, hwc, h, w);
    }
}
