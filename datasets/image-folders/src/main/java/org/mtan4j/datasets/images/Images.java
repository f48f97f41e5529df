package org.mtan4j.datasets.images;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.mtan4j.api.InputImage;

/**
 * Decodes an image file with {@code javax.imageio} into interleaved 8-bit RGB, as the reference's
 * loader ({@code torchvision.datasets.ImageFolder}: PIL {@code open(...).convert('RGB')}) sees it:
 * grey images are replicated to three channels, palettes expanded, alpha dropped.
 *
 * <p>Strict: a decoder warning (e.g. a JPEG that ends early, which decoders otherwise fill in with
 * grey) is an error, so a damaged file is never turned into a plausible-looking tensor. On the
 * baseline 4:2:0 JPEGs tried, the JDK's decoder gave the same bytes as Pillow 12.3; other libjpeg
 * builds or JPEG variants may differ by a grey level in places (IDCT and chroma upsampling choices).
 */
public final class Images {

    private Images() {
    }

    /**
     * An interleaved RGB image, values 0..255.
     *
     * @param pixels {@code height * width * 3} values, row by row, R G B per pixel
     * @param height rows
     * @param width columns
     */
    public record Rgb(int[] pixels, int height, int width) {
    }

    /**
     * Decodes {@code file}.
     *
     * @throws IOException naming the file: it cannot be opened, is no image javax.imageio reads, or is damaged
     */
    public static Rgb read(Path file) throws IOException {
        BufferedImage image;
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException(file + ": cannot be opened");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException(file + ": not an image format javax.imageio reads (JPEG, PNG, BMP, GIF, TIFF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener(new IIOReadWarningListener() {
                    @Override
                    public void warningOccurred(ImageReader source, String warning) {
                        warnings.add(warning);
                    }
                });
                image = reader.read(0);
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + ": cannot be decoded: " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        } catch (javax.imageio.IIOException e) {
            throw new IOException(file + ": cannot be decoded: " + e.getMessage(), e);
        }
        if (!warnings.isEmpty()) {
            throw new IOException(file + ": damaged image: " + String.join("; ", warnings));
        }
        return toRgb(image, file);
    }

    /**
     * The 8-bit RGB of an image handed to {@code mtan predict --input}: an image file is decoded again
     * with {@link #read}, as the datasets decode theirs; a {@code .npy} image in [0, 1] is rounded to 8
     * bits, the values a PIL image (the reference loaders' input) holds.
     *
     * @throws IOException naming the file when it cannot be decoded
     */
    public static Rgb of(InputImage image) throws IOException {
        if (!image.file().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            return read(image.file());
        }
        int[] pixels = new int[image.hwc().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = Math.round(image.hwc()[i] * 255f);
        }
        return new Rgb(pixels, image.height(), image.width());
    }

    /**
     * The interleaved RGB of a decoded image, as PIL's {@code convert('RGB')} gives it.
     *
     * @param file named in the message when the colour model is not grey, RGB or a palette
     */
    public static Rgb toRgb(BufferedImage image, Path file) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out = new int[h * w * 3];
        ColorModel cm = image.getColorModel();
        Raster r = image.getRaster();
        int bands = r.getNumBands();
        int type = cm.getColorSpace().getType();
        if (cm instanceof IndexColorModel) {
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int p = 0; p < argb.length; p++) {
                out[p * 3] = argb[p] >> 16 & 0xFF;
                out[p * 3 + 1] = argb[p] >> 8 & 0xFF;
                out[p * 3 + 2] = argb[p] & 0xFF;
            }
        } else if (type == ColorSpace.TYPE_GRAY && (bands == 1 || bands == 2)) {
            // Raw samples, not getRGB(): Java would map linear grey through a gamma curve.
            int shift = Math.max(r.getSampleModel().getSampleSize(0) - 8, 0);
            int[] g = r.getSamples(0, 0, w, h, 0, (int[]) null);
            for (int p = 0; p < g.length; p++) {
                int v = g[p] >> shift;
                out[p * 3] = v;
                out[p * 3 + 1] = v;
                out[p * 3 + 2] = v;
            }
        } else if (type == ColorSpace.TYPE_RGB && bands >= 3) {
            for (int c = 0; c < 3; c++) {
                int shift = Math.max(r.getSampleModel().getSampleSize(c) - 8, 0);
                int[] s = r.getSamples(0, 0, w, h, c, (int[]) null);
                for (int p = 0; p < s.length; p++) {
                    out[p * 3 + c] = s[p] >> shift;
                }
            }
        } else {
            throw new IOException(file + ": unsupported colour model (" + bands + " bands, colour space type " + type
                    + "); expected grey, RGB or a palette");
        }
        return new Rgb(out, h, w);
    }
}
