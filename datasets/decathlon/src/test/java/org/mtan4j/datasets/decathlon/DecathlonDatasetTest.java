package org.mtan4j.datasets.decathlon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.InputImage;
import org.mtan4j.api.InputPreprocessing;
import org.mtan4j.api.MultiTaskDataset;
import org.mtan4j.api.Sample;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.datasets.images.Images;

/** Class numbering, the reference transforms checked on lossless PNGs, and malformed inputs. */
class DecathlonDatasetTest {

    static {
        System.setProperty("ai.djl.offline", "true");
    }

    private static final int S = 16;

    @TempDir
    Path root;
    NDManager manager;

    @BeforeEach
    void setUp() throws IOException {
        DecathlonFixture.write(root, "cifar100", true);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private DecathlonOptions options() {
        return DecathlonOptions.DEFAULTS.withRoot(root.toString()).withDomain("cifar100").withSize(S);
    }

    /** The expected normalised (3, S, S) tensor of the window at (top, left) of a PNG, flipped or not. */
    private static float[] expected(BufferedImage img, int top, int left, boolean flip) {
        float[] out = new float[3 * S * S];
        for (int y = 0; y < S; y++) {
            for (int x = 0; x < S; x++) {
                int rgb = img.getRGB(left + (flip ? S - 1 - x : x), top + y);
                for (int c = 0; c < 3; c++) {
                    int v = rgb >> (16 - 8 * c) & 0xFF;
                    out[c * S * S + y * S + x] = (float) ((v / 255.0 - DecathlonFixture.MEAN[c]) / DecathlonFixture.STD[c]);
                }
            }
        }
        return out;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5f, what + " element " + i);
        }
    }

    @Test
    void isFoundWithTheDocumentedDefaults() {
        boolean found = false;
        for (DatasetProvider<?> p : ServiceLoader.load(DatasetProvider.class)) {
            found |= p instanceof DecathlonDatasetProvider && p.name().equals("decathlon");
        }
        assertTrue(found);
        assertEquals(new DecathlonOptions("data/decathlon-1.0-data", "imagenet12", 72, "", 1000, true, ""),
                new DecathlonDatasetProvider().defaultOptions());
    }

    @Test
    void testSplitListsTheDevkitTestImagesInTheirOrderUnlabelled() throws IOException {
        DecathlonFixture.devkit(root, "cifar100", 30_000_001L, 3001, 3);
        try (DecathlonDataset d = new DecathlonDataset(options())) {
            assertEquals(List.of("train", "val", "test"), d.splits());
            assertEquals(3, d.size("test"));
            for (int n = 0; n < 3; n++) {
                Sample s = d.get(manager, "test", n, 9);
                // 16x16 images at size 16: no resize, the whole image, never flipped.
                assertClose(expected(DecathlonFixture.image(16, 16, 100 + n), 0, 0, false), s.image().toFloatArray(), "test " + n);
                assertEquals(-1f, s.targets().singletonOrThrow().getFloat(), "the task's ignore value");
            }
        }
        Files.delete(root.resolve("cifar100/test/t1.png"));
        IOException e = assertThrows(IOException.class, () -> new DecathlonDataset(options()));
        assertTrue(e.getMessage().contains("cifar100_test_stripped.json") && e.getMessage().contains("t1.png"), e.getMessage());
    }

    @Test
    void oneClassificationTaskNamedAfterTheDomainWithSortedClassFolders() throws IOException {
        try (DecathlonDataset d = new DecathlonDataset(options())) {
            assertEquals(List.of(TaskSpec.classification("cifar100", 3)), d.tasks());
            assertEquals(List.of("C", "a", "b"), d.classes(), "Python's sorted(): upper case first");
            assertEquals(List.of("train", "val"), d.splits());
            assertEquals(6, d.size("train"));
            assertEquals(3, d.size("val"));
            float[] labels = new float[6];
            for (int i = 0; i < 6; i++) {
                labels[i] = d.get(manager, "train", i, 0L).targets().get(0).getFloat();
            }
            assertArrayEquals(new float[] {0, 0, 1, 1, 2, 2}, labels);
            assertArrayEquals(new float[] {0.5f, 0.45f, 0.4f}, d.statistics()[0]);
            assertArrayEquals(new float[] {0.25f, 0.2f, 0.3f}, d.statistics()[1]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.size("test"));
            assertTrue(e.getMessage().contains("'test'") && e.getMessage().contains("cifar100_test_stripped.json"), e.getMessage());
        }
    }

    @Test
    void validationTakesTheCentreCropNormalised() throws IOException {
        // val/C/0.png is 24x16 (h x w): short side 16 = S, no resize; centre crop top round(8 / 2) = 4.
        BufferedImage img = ImageIO.read(root.resolve("cifar100/val/C/0.png").toFile());
        try (DecathlonDataset d = new DecathlonDataset(options())) {
            assertClose(expected(img, 4, 0, false), d.get(manager, "val", 0, 3L).image().toFloatArray(), "val");
        }
    }

    /** {@code mtan predict --input}'s preprocessing: a validation image, read as predict reads it, becomes its validation sample. */
    @Test
    void predictionInputIsTheValidationSample() throws IOException {
        // One image that needs the resize and the crop: 30x50, short side to 16, then the centre 16x16.
        ImageIO.write(DecathlonFixture.image(30, 50, 77), "jpg", root.resolve("cifar100/val/C/1.jpg").toFile());
        DecathlonOptions options = options();
        InputPreprocessing preprocessing = new DecathlonDatasetProvider().inputPreprocessing(options);
        Shape shape = new Shape(3, S, S);
        List<Path> files = List.of(root.resolve("cifar100/val/C/0.png"), root.resolve("cifar100/val/C/1.jpg"),
                root.resolve("cifar100/val/a/0.png"), root.resolve("cifar100/val/b/0.png"));
        try (DecathlonDataset d = new DecathlonDataset(options)) {
            assertEquals(files.size(), d.size("val"));
            for (int i = 0; i < files.size(); i++) {
                Images.Rgb rgb = Images.read(files.get(i));
                float[] hwc = new float[rgb.pixels().length];
                for (int k = 0; k < hwc.length; k++) {
                    hwc[k] = rgb.pixels()[k] / 255f;
                }
                float[] sample = d.get(manager, "val", i, 5L).image().toFloatArray();
                assertArrayEquals(sample, preprocessing.modelInput(new InputImage(files.get(i), hwc, rgb.height(), rgb.width()), shape),
                        files.get(i).toString());
                // The same pixels as a .npy in [0, 1]: rounded back to the 8-bit values.
                Path npy = root.resolve("image" + i + ".npy");
                assertArrayEquals(sample, preprocessing.modelInput(new InputImage(npy, hwc, rgb.height(), rgb.width()), shape), npy.toString());
            }
        }
    }

    @Test
    void trainingTakesRandomCropsAndFlipsDrivenByTheSeed() throws IOException {
        // train/a/0.png is 16x24: no resize, the window's left edge is in 0..8.
        BufferedImage img = ImageIO.read(root.resolve("cifar100/train/a/0.png").toFile());
        Set<Integer> lefts = new HashSet<>();
        Set<Boolean> flips = new HashSet<>();
        try (DecathlonDataset d = new DecathlonDataset(options())) {
            for (long seed = 0; seed < 30; seed++) {
                float[] actual = d.get(manager, "train", 2, seed).image().toFloatArray();
                boolean matched = false;
                for (int left = 0; left <= 8 && !matched; left++) {
                    for (boolean flip : new boolean[] {false, true}) {
                        float[] e = expected(img, 0, left, flip);
                        if (maxDiff(e, actual) < 1e-5f) {
                            lefts.add(left);
                            flips.add(flip);
                            matched = true;
                            break;
                        }
                    }
                }
                assertTrue(matched, "seed " + seed + ": some window, flipped or not");
                assertArrayEquals(actual, d.get(manager, "train", 2, seed).image().toFloatArray(), "same seed, same sample");
            }
        }
        assertTrue(lefts.size() >= 4, "varied crops: " + lefts);
        assertEquals(Set.of(false, true), flips);
    }

    @Test
    void gtsrbOmniglotAndSvhnTrainOnTheCentreCropWithoutFlips() throws IOException {
        DecathlonFixture.write(root, "svhn", false);
        Files.write(root.resolve("decathlon_mean_std.pickle"), PickleBytes.devkit("svhn", DecathlonFixture.MEAN, DecathlonFixture.STD));
        BufferedImage img = ImageIO.read(root.resolve("svhn/train/a/0.png").toFile());
        try (DecathlonDataset d = new DecathlonDataset(options().withDomain("svhn"))) {
            for (long seed = 0; seed < 5; seed++) {
                assertClose(expected(img, 0, 4, false), d.get(manager, "train", 2, seed).image().toFloatArray(), "svhn");
            }
        }
    }

    @Test
    void largerImagesAreResizedToTheShortSideFirst() throws IOException {
        // train/a/1.jpg is 20x40: resized to 16x32 (int(16 * 40 / 20)).
        try (DecathlonDataset d = new DecathlonDataset(options())) {
            Path jpg = root.resolve("cifar100/train/a/1.jpg");
            Images.Rgb r = d.resized(jpg);
            assertEquals(16, r.height());
            assertEquals(32, r.width());
            DecathlonDataset.Choice c = d.choose("val", 16, 32, 0L);
            assertEquals(new DecathlonDataset.Choice(0, 8, false), c);
        }
    }

    @Test
    void greyImagesBecomeRgb() throws IOException {
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(3, 2, 0, 200);
        Path f = root.resolve("g.png");
        ImageIO.write(grey, "png", f.toFile());
        Images.Rgb rgb = Images.read(f);
        int p = (2 * 16 + 3) * 3;
        assertArrayEquals(new int[] {200, 200, 200}, Arrays.copyOfRange(rgb.pixels(), p, p + 3), "raw grey level, no gamma");
    }

    private static float maxDiff(float[] a, float[] b) {
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private void assertOpenFails(DecathlonOptions o, Path file, String expected) {
        IOException e = assertThrows(IOException.class, () -> new DecathlonDatasetProvider().open(o));
        assertTrue(e.getMessage().startsWith(file.toString()), "names " + file + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "says '" + expected + "': " + e.getMessage());
    }

    @Test
    void damagedImagesNameTheFile() throws IOException {
        for (String name : new String[] {"0.png", "1.jpg"}) {
            Path f = root.resolve("cifar100/train/b/" + name);
            byte[] b = Files.readAllBytes(f);
            Files.write(f, Arrays.copyOf(b, b.length / 2));
            int index = name.equals("0.png") ? 4 : 5;
            IOException e = assertThrows(IOException.class, () -> {
                try (MultiTaskDataset d = new DecathlonDatasetProvider().open(options())) {
                    d.get(manager, "train", index, 0L);
                }
            });
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        }
        Path text = root.resolve("cifar100/train/b/0.png");
        Files.writeString(text, "not an image");
        IOException e = assertThrows(IOException.class, () -> {
            try (MultiTaskDataset d = new DecathlonDatasetProvider().open(options())) {
                d.get(manager, "train", 4, 0L);
            }
        });
        assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
    }

    @Test
    void layoutProblemsNameTheFolder() throws IOException {
        Files.createDirectories(root.resolve("cifar100/train/d"));
        assertOpenFails(options(), root.resolve("cifar100/val"), "class folders differ from train's; missing [d]");
        Files.createDirectories(root.resolve("cifar100/val/d"));
        Files.writeString(root.resolve("cifar100/val/d/x.txt"), "ignored like ImageFolder does");
        Files.writeString(root.resolve("cifar100/train/d/x.txt"), "ignored");
        assertOpenFails(options(), root.resolve("cifar100/train/d"), "no image files");
        Files.write(root.resolve("cifar100/train/d/0.ppm"), new byte[] {1});
        assertOpenFails(options(), root.resolve("cifar100/train/d/0.ppm"), "not readable here");
        assertOpenFails(options().withDomain("dtd"), root.resolve("dtd"), "missing domain folder");
        Files.createDirectories(root.resolve("dtd/train/a"));
        assertOpenFails(options().withDomain("dtd"), root.resolve("dtd/val"), "missing split folder");
    }

    @Test
    void pickleProblemsNameThePickle() throws IOException {
        DecathlonFixture.write(root, "dtd", false);
        assertOpenFails(options().withDomain("dtd"), root.resolve("decathlon_mean_std.pickle"), "has no 'dtdmean'");
        Path other = root.resolve("other.pickle");
        assertOpenFails(options().withMeanStdFile(other.toString()), other, "no such file");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> options().withDomain("mnist"));
        assertTrue(e.getMessage().startsWith("domain must be one of"), e.getMessage());
    }

    @Test
    void computesStatisticsWhenThereIsNoPickle() throws IOException {
        Files.delete(root.resolve("decathlon_mean_std.pickle"));
        double[] sum = new double[3];
        double[] sq = new double[3];
        long n = 0;
        for (String c : new String[] {"a", "b", "C"}) {
            Files.delete(root.resolve("cifar100/train/" + c + "/1.jpg"));
            // The 16x24 PNGs need no resize; their centre crops start at column 4.
            BufferedImage img = ImageIO.read(root.resolve("cifar100/train/" + c + "/0.png").toFile());
            for (int y = 0; y < S; y++) {
                for (int x = 4; x < 4 + S; x++) {
                    for (int ch = 0; ch < 3; ch++) {
                        double v = (img.getRGB(x, y) >> (16 - 8 * ch) & 0xFF) / 255.0;
                        sum[ch] += v;
                        sq[ch] += v * v;
                    }
                    n++;
                }
            }
        }
        try (DecathlonDataset d = new DecathlonDataset(options())) {
            float[][] st = d.statistics();
            for (int c = 0; c < 3; c++) {
                double mean = sum[c] / n;
                assertEquals(mean, st[0][c], 1e-5, "mean of channel " + c);
                assertEquals(Math.sqrt(sq[c] / n - mean * mean), st[1][c], 1e-5, "std of channel " + c);
            }
            Sample s = d.get(manager, "val", 1, 0L);
            assertFalse(s.image().isNaN().any().getBoolean());
        }
    }
}
