package org.mtan4j.datasets.office;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.DatasetDescription;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.InputImage;
import org.mtan4j.api.InputPreprocessing;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.datasets.images.PilResize;

/** Split lists and the seeded split, LibMTL's transform, and every kind of bad entry. */
class OfficeDatasetTest {

    static {
        System.setProperty("ai.djl.offline", "true");
    }

    private static final int S = 16;

    @TempDir
    Path root;
    NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private Office31Options amazon(boolean augment) {
        return new Office31Options(root.toString(), "amazon", S, "", 0, augment);
    }

    private Office31Options dslr(long splitSeed) {
        return new Office31Options(root.toString(), "dslr", S, "", splitSeed, false);
    }

    /** ToTensor + Normalize with ImageNet's statistics of interleaved RGB, as LibMTL's loader computes it. */
    private static float[] normalised(int[] rgb) {
        float[] mean = {0.485f, 0.456f, 0.406f};
        float[] std = {0.229f, 0.224f, 0.225f};
        int plane = rgb.length / 3;
        float[] out = new float[rgb.length];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                out[c * plane + p] = (rgb[p * 3 + c] / 255f - mean[c]) / std[c];
            }
        }
        return out;
    }

    /** The file's pixels as the JDK decodes them (getRGB), interleaved RGB. */
    private static int[] decoded(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        int[] rgb = new int[img.getWidth() * img.getHeight() * 3];
        int p = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int v = img.getRGB(x, y);
                rgb[p++] = v >> 16 & 0xFF;
                rgb[p++] = v >> 8 & 0xFF;
                rgb[p++] = v & 0xFF;
            }
        }
        return rgb;
    }

    @Test
    void bothBenchmarksAreFoundWithTheDocumentedDefaults() {
        Set<String> names = new HashSet<>();
        for (DatasetProvider<?> p : ServiceLoader.load(DatasetProvider.class)) {
            names.add(p.name());
        }
        assertTrue(names.containsAll(List.of("office-31", "office-home")), names.toString());
        assertEquals(new Office31Options("data/office-31", "amazon", 224, "", 0, false), new Office31DatasetProvider().defaultOptions());
        assertEquals(new OfficeHomeOptions("data/office-home", "Art", 224, "", 0, false), new OfficeHomeDatasetProvider().defaultOptions());
    }

    @Test
    void optionsNameTheBadKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Office31Options("data", "Art", 224, "", 0, false));
        assertEquals("domain must be one of [amazon, dslr, webcam], got 'Art'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new OfficeHomeOptions("data", "Real World", 224, "", 0, false));
        assertEquals("domain must be one of [Art, Clipart, Product, Real_World], got 'Real World'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Office31Options("data", "dslr", 0, "", 0, false));
        assertTrue(e.getMessage().startsWith("size must be in 1..4096"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Office31Options(" ", "dslr", 8, "", 0, false));
        assertTrue(e.getMessage().startsWith("root must name the office-31 folder"), e.getMessage());
    }

    @Test
    void splitListsGiveTheSplitsTheirOrderAndTheirLabels() throws IOException {
        List<String> lines = OfficeFixture.write(root, OfficeBenchmark.OFFICE_31, "amazon", 5, true);
        try (OfficeDataset d = new OfficeDataset(amazon(false))) {
            assertEquals(List.of(TaskSpec.classification("amazon", 31)), d.tasks(), "the published class count");
            assertEquals(List.of("train", "val", "test"), d.splits());
            assertEquals(List.of(9, 3, 3), List.of(d.size("train"), d.size("val"), d.size("test")));
            int line = 0;
            for (String split : d.splits()) {
                for (int i = 0; i < d.size(split); i++, line++) {
                    String[] fields = lines.get(line).split(" ");
                    assertEquals(root.resolve(fields[0]), d.file(split, i), split + "[" + i + "]: the list's order");
                    assertEquals(Integer.parseInt(fields[1]), d.label(split, i), split + "[" + i + "]");
                    assertEquals(Float.parseFloat(fields[1]), d.get(manager, split, i, 0).targets().singletonOrThrow().getFloat());
                }
            }
            // The lists name bike (27) first: its labels come from the lists, not from the folders' sorted order.
            assertEquals(27, d.label("train", 0));
            assertTrue(d.file("train", 0).toString().contains("/bike/"), d.file("train", 0).toString());
        }
    }

    @Test
    void imagesAreResizedToASquareAndNormalisedWithImageNetStatistics() throws IOException {
        OfficeFixture.write(root, OfficeBenchmark.OFFICE_31, "amazon", 5, true);
        Path square = root.resolve(OfficeFixture.imagePath(OfficeBenchmark.OFFICE_31, "amazon", "bike", 3));
        ImageIO.write(OfficeFixture.image(S, S, 77), "jpg", square.toFile());
        try (OfficeDataset d = new OfficeDataset(amazon(false))) {
            assertEquals(new Shape(3, S, S), d.imageShape());
            for (int i = 0; i < d.size("val"); i++) {
                Path file = d.file("val", i);
                BufferedImage img = ImageIO.read(file.toFile());
                int[] rgb = decoded(file);
                int[] expected = img.getHeight() == S && img.getWidth() == S ? rgb
                        : PilResize.resize(rgb, img.getHeight(), img.getWidth(), S, S);
                float[] actual = d.get(manager, "val", i, 0).image().toFloatArray();
                assertArrayEquals(normalised(expected), actual, 1e-6f, "val[" + i + "] " + file);
            }
            assertEquals(square, d.file("val", 0), "the 16x16 image is used as it is");
        }
    }

    /** {@code mtan predict --input}'s preprocessing gives an image its validation and test samples. */
    @Test
    void predictionInputIsTheEvaluationSample() throws IOException {
        OfficeFixture.write(root, OfficeBenchmark.OFFICE_31, "amazon", 5, true);
        InputPreprocessing preprocessing = new Office31DatasetProvider().inputPreprocessing(amazon(true));
        try (OfficeDataset d = new OfficeDataset(amazon(true))) {
            for (String split : List.of("val", "test")) {
                for (int i = 0; i < d.size(split); i++) {
                    Path file = d.file(split, i);
                    BufferedImage img = ImageIO.read(file.toFile());
                    InputImage image = new InputImage(file, new float[img.getHeight() * img.getWidth() * 3], img.getHeight(), img.getWidth());
                    assertArrayEquals(d.get(manager, split, i, 3L).image().toFloatArray(), preprocessing.modelInput(image, d.imageShape()),
                            split + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void augmentationFlipsTrainingImagesOnlyAndFollowsTheSeed() throws IOException {
        OfficeFixture.write(root, OfficeBenchmark.OFFICE_31, "amazon", 5, true);
        try (OfficeDataset plain = new OfficeDataset(amazon(false)); OfficeDataset augmented = new OfficeDataset(amazon(true))) {
            float[] unflipped = plain.get(manager, "train", 2, 0).image().toFloatArray();
            float[] mirrored = new float[unflipped.length];
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < S; y++) {
                    for (int x = 0; x < S; x++) {
                        mirrored[(c * S + y) * S + x] = unflipped[(c * S + y) * S + S - 1 - x];
                    }
                }
            }
            int flips = 0;
            for (long seed = 0; seed < 16; seed++) {
                float[] a = augmented.get(manager, "train", 2, seed).image().toFloatArray();
                boolean flipped = Arrays.equals(a, mirrored);
                assertTrue(flipped || Arrays.equals(a, unflipped), "seed " + seed + ": the image or its mirror");
                flips += flipped ? 1 : 0;
                assertArrayEquals(a, augmented.get(manager, "train", 2, seed).image().toFloatArray(), "seed " + seed + " again");
                assertArrayEquals(plain.get(manager, "val", 1, seed).image().toFloatArray(),
                        augmented.get(manager, "val", 1, seed).image().toFloatArray(), "val is never flipped");
                assertArrayEquals(unflipped, plain.get(manager, "train", 2, seed).image().toFloatArray(), "no augment, no flip");
            }
            assertTrue(flips > 0 && flips < 16, "both outcomes over 16 seeds, got " + flips + " flips");
        }
    }

    /** Each split's files per label, to compare splits. */
    private static Map<Integer, List<Path>> byLabel(OfficeDataset d, String split) {
        Map<Integer, List<Path>> out = new TreeMap<>();
        for (int i = 0; i < d.size(split); i++) {
            out.computeIfAbsent(d.label(split, i), k -> new ArrayList<>()).add(d.file(split, i));
        }
        return out;
    }

    @Test
    void withoutListsTheSeededSplitTakesSixtyTwentyTwentyOfEachClass() throws IOException {
        OfficeFixture.write(root, OfficeBenchmark.OFFICE_31, "dslr", 7, false);
        List<String> sorted = OfficeFixture.classes(OfficeBenchmark.OFFICE_31).stream().sorted().toList();
        try (OfficeDataset d = new OfficeDataset(dslr(0)); OfficeDataset again = new OfficeDataset(dslr(0));
                OfficeDataset other = new OfficeDataset(dslr(1))) {
            assertEquals(List.of(TaskSpec.classification("dslr", 3)), d.tasks(), "one class per class folder");
            // 7 images per class: round(4.2) = 4 train, round(1.4) = 1 val, 2 test.
            assertEquals(List.of(12, 3, 6), List.of(d.size("train"), d.size("val"), d.size("test")));
            for (int c = 0; c < 3; c++) {
                String folder = "/" + sorted.get(c) + "/";
                int label = c;
                Set<Path> all = new HashSet<>();
                for (String split : d.splits()) {
                    List<Path> files = byLabel(d, split).get(c);
                    files.forEach(f -> assertTrue(f.toString().contains(folder), "label " + label + ": " + f));
                    List<Path> inOrder = new ArrayList<>(files);
                    inOrder.sort(null);
                    assertEquals(inOrder, files, split + " keeps ImageFolder order");
                    all.addAll(files);
                }
                assertEquals(7, all.size(), "class " + c + ": every image in exactly one split");
            }
            boolean differs = false;
            for (String split : d.splits()) {
                assertEquals(byLabel(d, split), byLabel(again, split), split + ": the same split seed, the same split");
                differs |= !byLabel(d, split).equals(byLabel(other, split));
            }
            assertTrue(differs, "another split seed draws another split");
        }
        Files.createDirectories(root.resolve("split-lists"));
        IOException e = assertThrows(IOException.class, () -> new OfficeDataset(dslr(0)));
        assertTrue(e.getMessage().contains("dslr_train.txt") && e.getMessage().contains("a domain needs all three"), e.getMessage());
    }

    @Test
    void theDescriptionWithoutDataIsThePublishedTask() {
        DatasetDescription office31 = new Office31DatasetProvider().describe(new Office31Options(root.resolve("none").toString(), "webcam", 224,
                "", 0, false)).orElseThrow();
        assertEquals(List.of(TaskSpec.classification("webcam", 31)), office31.tasks());
        assertEquals(new Shape(3, 224, 224), office31.imageShape());
        DatasetDescription home = new OfficeHomeDatasetProvider().describe(OfficeHomeOptions.DEFAULTS).orElseThrow();
        assertEquals(List.of(TaskSpec.classification("Art", 65)), home.tasks());
    }

    @Test
    void everyBadEntryIsItsOwnProblemAndTheOthersStillLoad() throws IOException {
        List<String> lines = new ArrayList<>(OfficeFixture.write(root, OfficeBenchmark.OFFICE_31, "amazon", 5, true));
        Path list = root.resolve("split-lists/amazon_train.txt");
        List<String> train = new ArrayList<>(Files.readAllLines(list));
        String missing = "amazon/images/bike/frame_9999.jpg";
        train.add(missing + " 27");
        train.add(OfficeFixture.imagePath(OfficeBenchmark.OFFICE_31, "amazon", "bike", 0) + " 31");
        train.add("just-a-path.jpg");
        train.add(OfficeFixture.imagePath(OfficeBenchmark.OFFICE_31, "amazon", "bike", 1) + " two");
        train.add("amazon/images/bike/clip.gif 27");
        Files.write(list, train);
        Path damaged = root.resolve(lines.get(0).split(" ")[0]);
        byte[] bytes = Files.readAllBytes(damaged);
        Files.write(damaged, Arrays.copyOf(bytes, bytes.length / 2));
        int n = train.size();
        try (OfficeDataset d = new OfficeDataset(amazon(false))) {
            assertEquals(n, d.size("train"), "bad entries keep their place");
            String[] expected = {
                list + ":" + (n - 4) + ": " + root.resolve(missing) + ": missing image file",
                list + ":" + (n - 3) + ": label 31 of amazon/images/bike/frame_0001.jpg is out of range [0, 31)",
                list + ":" + (n - 2) + ": expected 'PATH LABEL', got 'just-a-path.jpg'",
                list + ":" + (n - 1) + ": label 'two' of amazon/images/bike/frame_0002.jpg is not an integer",
                list + ":" + n + ": " + root.resolve("amazon/images/bike/clip.gif") + ": image format not readable here"};
            for (int k = 0; k < expected.length; k++) {
                int index = n - expected.length + k;
                IOException e = assertThrows(IOException.class, () -> d.get(manager, "train", index, 0));
                assertTrue(e.getMessage().startsWith(expected[k]), "train[" + index + "]: " + e.getMessage());
            }
            IOException e = assertThrows(IOException.class, () -> d.get(manager, "train", 0, 0));
            assertTrue(e.getMessage().startsWith(damaged.toString()), e.getMessage());
            assertEquals(4f, d.get(manager, "train", 3, 0).targets().singletonOrThrow().getFloat(), "a good entry (calculator) still loads");
            IOException check = assertThrows(IOException.class, d::checkFiles);
            assertTrue(check.getMessage().startsWith(expected[0]), check.getMessage());
            assertTrue(check.getMessage().contains("(and 4 more bad entries; 'mtan data check office-31 --root " + root + " --set domain=amazon' lists them)"),
                    check.getMessage());
        }
    }

    @Test
    void theDomainAndTheListsMustBeWhereTheOptionsSay() throws IOException {
        IOException e = assertThrows(IOException.class, () -> new OfficeDataset(amazon(false)));
        assertTrue(e.getMessage().startsWith(root.resolve("amazon") + ": missing domain folder"), e.getMessage());
        Files.createDirectories(root.resolve("Real World/Bike"));
        e = assertThrows(IOException.class, () -> new OfficeDataset(new OfficeHomeOptions(root.toString(), "Real_World", S, "", 0, false)));
        assertTrue(e.getMessage().endsWith("rename 'Real World' to 'Real_World', the name the split lists use"), e.getMessage());
        OfficeFixture.write(root, OfficeBenchmark.OFFICE_31, "webcam", 5, false);
        Path elsewhere = root.resolve("lists");
        e = assertThrows(IOException.class, () -> new OfficeDataset(new Office31Options(root.toString(), "webcam", S, elsewhere.toString(), 0,
                false)));
        assertEquals(elsewhere + ": missing split-lists folder (option split-lists)", e.getMessage());
        Files.createDirectories(elsewhere);
        Files.write(elsewhere.resolve("webcam_train.txt"), List.of(OfficeFixture.imagePath(OfficeBenchmark.OFFICE_31, "webcam", "bike", 0) + " 27"));
        Files.write(elsewhere.resolve("webcam_val.txt"), List.of(OfficeFixture.imagePath(OfficeBenchmark.OFFICE_31, "webcam", "bike", 1) + " 27"));
        Files.write(elsewhere.resolve("webcam_test.txt"), List.of("", " "));
        e = assertThrows(IOException.class, () -> new OfficeDataset(new Office31Options(root.toString(), "webcam", S, elsewhere.toString(), 0,
                false)));
        assertEquals(elsewhere.resolve("webcam_test.txt") + ": empty split list", e.getMessage());
    }

    @Test
    void describeCountsClassFoldersOnlyWithoutLists() throws IOException {
        OfficeFixture.write(root, OfficeBenchmark.OFFICE_HOME, "Clipart", 5, false);
        OfficeHomeOptions options = new OfficeHomeOptions(root.toString(), "Clipart", S, "", 0, false);
        OfficeHomeDatasetProvider provider = new OfficeHomeDatasetProvider();
        assertEquals(3, provider.describe(options).orElseThrow().tasks().get(0).classes());
        try (MultiTaskDataset d = provider.open(options)) {
            assertEquals(provider.describe(options).orElseThrow().tasks(), d.tasks());
        }
        OfficeFixture.write(root, OfficeBenchmark.OFFICE_HOME, "Clipart", 5, true);
        assertEquals(65, provider.describe(options).orElseThrow().tasks().get(0).classes());
        try (MultiTaskDataset d = provider.open(options)) {
            assertEquals(provider.describe(options).orElseThrow().tasks(), d.tasks());
            assertNotEquals(0, d.size("test"));
        }
    }
}
