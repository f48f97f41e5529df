package org.mtan4j.datasets.office;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Writes a small Office tree in the published layout: three classes of one domain, {@code perClass}
 * JPEGs each ({@code <root>/amazon/images/back_pack/frame_0001.jpg} for Office-31,
 * {@code <root>/Art/Alarm_Clock/00001.jpg} for Office-Home), sizes varying around 20x24, and optionally
 * the domain's split lists in {@code <root>/split-lists} in LibMTL's format ({@code PATH LABEL}), with
 * LibMTL's labels for those classes (not their sorted order). Image {@code i} of a class goes to train
 * when {@code i % 5 < 3}, to val when it is 3 and to test when it is 4; lists name the classes in
 * reverse order.
 */
public final class OfficeFixture {

    private OfficeFixture() {
    }

    /** The fixture's class folders of {@code benchmark}, in the order they are written. */
    public static List<String> classes(OfficeBenchmark benchmark) {
        return benchmark == OfficeBenchmark.OFFICE_31 ? List.of("back_pack", "calculator", "bike")
                : List.of("Calendar", "Alarm_Clock", "Bike");
    }

    /** LibMTL's labels of {@link #classes} (its data_txt lists: back_pack 0, calculator 4, bike 27; Calendar 0, Alarm_Clock 62, Bike 17). */
    public static List<Integer> listLabels(OfficeBenchmark benchmark) {
        return benchmark == OfficeBenchmark.OFFICE_31 ? List.of(0, 4, 27) : List.of(0, 62, 17);
    }

    /** The split image {@code i} of a class goes to in the lists. */
    public static String splitOf(int i) {
        return i % 5 < 3 ? "train" : i % 5 == 3 ? "val" : "test";
    }

    /** Random RGB pixels. */
    public static BufferedImage image(int h, int w, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        return img;
    }

    /** The path, relative to the root, of image {@code i} of {@code className}. */
    public static String imagePath(OfficeBenchmark benchmark, String domain, String className, int i) {
        return benchmark == OfficeBenchmark.OFFICE_31 ? domain + "/images/" + className + String.format("/frame_%04d.jpg", i + 1)
                : domain + "/" + className + String.format("/%05d.jpg", i + 1);
    }

    /**
     * Writes the domain's images and, when {@code lists}, its three split lists.
     *
     * @return the lines of the lists written, train then val then test (empty without lists)
     */
    public static List<String> write(Path root, OfficeBenchmark benchmark, String domain, int perClass, boolean lists)
            throws IOException {
        List<String> classes = classes(benchmark);
        List<List<String>> lines = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<String> splits = List.of("train", "val", "test");
        long seed = domain.hashCode();
        for (int c = classes.size() - 1; c >= 0; c--) {
            for (int i = 0; i < perClass; i++) {
                String path = imagePath(benchmark, domain, classes.get(c), i);
                Path file = root.resolve(path);
                Files.createDirectories(file.getParent());
                ImageIO.write(image(20 + i % 3, 24 + c, seed++), "jpg", file.toFile());
                lines.get(splits.indexOf(splitOf(i))).add(path + " " + listLabels(benchmark).get(c));
            }
        }
        if (!lists) {
            return List.of();
        }
        Path folder = root.resolve(OfficeOptions.SPLIT_LISTS_FOLDER);
        Files.createDirectories(folder);
        List<String> all = new ArrayList<>();
        for (int s = 0; s < splits.size(); s++) {
            Files.write(OfficeSplits.listFile(folder, domain, splits.get(s)), lines.get(s));
            all.addAll(lines.get(s));
        }
        return all;
    }
}
