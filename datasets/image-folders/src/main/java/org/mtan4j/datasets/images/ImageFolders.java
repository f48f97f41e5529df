package org.mtan4j.datasets.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Class folders of images as torchvision's {@code ImageFolder} reads them (the loader of the reference
 * code of the image-classification datasets), and the {@code ToTensor} + {@code Normalize} step that
 * turns decoded pixels into a network input.
 */
public final class ImageFolders {

    /** torchvision's ImageFolder extensions ({@code IMG_EXTENSIONS}); other files are ignored as it does. */
    public static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif",
            ".tiff", ".webp");
    /** Of those, what javax.imageio reads (TIFF since Java 9). */
    public static final List<String> READABLE = List.of(".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff");
    /** ImageNet's per-channel mean, which torchvision's pretrained models expect (and LibMTL's loaders use). */
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    /** ImageNet's per-channel standard deviation, as {@link #IMAGENET_MEAN}. */
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    private ImageFolders() {
    }

    /** Whether the file name ends with one of {@code extensions}, ignoring case. */
    public static boolean hasExtension(Path file, List<String> extensions) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String e : extensions) {
            if (name.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /** The message for a file whose format javax.imageio cannot read. */
    public static String unreadableFormat(Path file) {
        return file + ": image format not readable here (javax.imageio reads JPEG, PNG, BMP, TIFF)";
    }

    /**
     * The sub-folder names of {@code folder} in sorted order, ImageFolder's class order (a label is the
     * folder's position in this list).
     *
     * @throws IOException naming the folder when it is missing or cannot be listed
     */
    public static List<String> classFolders(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": missing split folder");
        }
        try (Stream<Path> s = Files.list(folder)) {
            // Python's sorted() on str compares code points; String.compareTo agrees within the BMP.
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * The class count a dataset declares without reading images ({@code mtan validate --no-data}): the
     * number of class folders in {@code folder} when it holds at least two, as opening the dataset counts
     * them, else {@code published} (a missing or unreadable folder, or too few classes, is reported when
     * the dataset is opened).
     */
    public static int declaredClasses(Path folder, int published) {
        if (!Files.isDirectory(folder)) {
            return published;
        }
        try {
            int found = classFolders(folder).size();
            return found >= 2 ? found : published;
        } catch (IOException e) {
            return published;
        }
    }

    /**
     * The image files ({@link #IMAGE_EXTENSIONS}) anywhere under {@code folder}, in ImageFolder's order:
     * {@code sorted(os.walk(...))} then sorted file names, so by folder, then by name.
     */
    public static List<Path> images(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> hasExtension(p, IMAGE_EXTENSIONS))
                    .sorted(Comparator.comparing((Path p) -> p.getParent().toString()).thenComparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    /**
     * torchvision's {@code ToTensor} then {@code Normalize(mean, std)} on interleaved RGB: a
     * {@code (3, H, W)} float array, each value {@code (v / 255 - mean[c]) / std[c]} in float32 as they compute it.
     *
     * @param rgb {@code H * W * 3} values 0..255
     */
    public static float[] normalisedChw(int[] rgb, float[] mean, float[] std) {
        int plane = rgb.length / 3;
        float[] chw = new float[rgb.length];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + p] = ((float) rgb[p * 3 + c] / 255f - mean[c]) / std[c];
            }
        }
        return chw;
    }
}
