package org.mtan4j.datasets.decathlon;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Writes a small Visual Decathlon tree: {@code <root>/<domain>/train|val/<class>/<n>.png|jpg} and the
 * devkit pickle (built by hand) at {@code <root>/decathlon_mean_std.pickle}.
 */
final class DecathlonFixture {

    static final double[] MEAN = {0.5, 0.45, 0.4};
    static final double[] STD = {0.25, 0.2, 0.3};

    private DecathlonFixture() {
    }

    /** Random RGB pixels, as an image of type RGB. */
    static BufferedImage image(int h, int w, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        return img;
    }

    static void png(Path file, BufferedImage img) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    /**
     * Writes {@code domain} with classes {@code b}, {@code a}, {@code C} (sorted: C, a, b): two training
     * images per class (a 16x24 PNG and a 20x40 JPEG, or PNGs only) and one 24x16 PNG per class for
     * validation; plus the pickle with {@link #MEAN} and {@link #STD} for the domain when asked.
     */
    static void write(Path root, String domain, boolean pickle) throws IOException {
        String[] classes = {"b", "a", "C"};
        long seed = 1;
        for (String c : classes) {
            Path train = root.resolve(domain).resolve("train").resolve(c);
            png(train.resolve("0.png"), image(16, 24, seed++));
            Files.createDirectories(train);
            ImageIO.write(image(20, 40, seed++), "jpg", train.resolve("1.jpg").toFile());
            png(root.resolve(domain).resolve("val").resolve(c).resolve("0.png"), image(24, 16, seed++));
        }
        if (pickle) {
            Files.write(root.resolve("decathlon_mean_std.pickle"), PickleBytes.devkit(domain, MEAN, STD));
        }
    }
}
