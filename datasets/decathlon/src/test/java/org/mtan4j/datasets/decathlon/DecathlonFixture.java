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
     * Writes the devkit's annotation files of a domain written by {@link #write} into
     * {@code <root>/annotations} (the dataset's default place), and its test images: {@code train.json}
     * lists the training images under {@code data/<domain>/train/<class>/...} with categories
     * {@code firstCategory + 0, 1, 2} for classes {@code b, a, C} (not the labels' sorted order: C, a, b),
     * image ids counting from {@code firstImage}; {@code test_stripped.json} lists {@code tests} 16x16
     * PNGs at {@code <domain>/test/t<n>.png} with ids {@code firstImage + 100 + 3n} (so not in file-name
     * order) and the three categories, without annotations.
     */
    static void devkit(Path root, String domain, long firstImage, long firstCategory, int tests) throws IOException {
        String[] classes = {"b", "a", "C"};
        StringBuilder images = new StringBuilder();
        StringBuilder annotations = new StringBuilder();
        StringBuilder categories = new StringBuilder();
        long id = firstImage;
        for (int c = 0; c < classes.length; c++) {
            categories.append(c == 0 ? "" : ", ").append("{\"id\": ").append(firstCategory + c).append(", \"name\": \"")
                    .append(classes[c]).append("\"}");
            for (String file : new String[] {"0.png", "1.jpg"}) {
                images.append(images.length() == 0 ? "" : ", ").append("{\"id\": ").append(id).append(", \"file_name\": \"data/")
                        .append(domain).append("/train/").append(classes[c]).append('/').append(file).append("\"}");
                annotations.append(annotations.length() == 0 ? "" : ", ").append("{\"id\": ").append(id).append(", \"image_id\": ")
                        .append(id).append(", \"category_id\": ").append(firstCategory + c).append('}');
                id++;
            }
        }
        Path dir = root.resolve("annotations");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(domain + "_train.json"), "{\"images\": [" + images + "], \"annotations\": [" + annotations
                + "], \"categories\": [" + categories + "]}");
        StringBuilder test = new StringBuilder();
        for (int n = 0; n < tests; n++) {
            png(root.resolve(domain).resolve("test").resolve("t" + n + ".png"), image(16, 16, 100 + n));
            test.append(n == 0 ? "" : ", ").append("{\"id\": ").append(firstImage + 100 + 3L * ((n + 1) % tests))
                    .append(", \"width\": 16, \"height\": 16, \"file_name\": \"data/").append(domain).append("/test/t").append(n)
                    .append(".png\"}");
        }
        Files.writeString(dir.resolve(domain + "_test_stripped.json"), "{\"images\": [" + test + "], \"categories\": ["
                + categories + "]}");
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
