package org.mtan4j.datasets.nyuv2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.api.DatasetProvider;
import org.mtan4j.api.Sample;
import org.mtan4j.datasets.arrays.NpyFixtures;

/**
 * The reference augmentation's facts, checked against the fixture's source arrays with formulas
 * written here independently (double precision), not with the loader's tables.
 */
class NyuV2AugmentationTest {

    static {
        System.setProperty("ai.djl.offline", "true");
    }

    private static final int H = 32;
    private static final int W = 64;
    private static final int SEEDS = 40;

    @TempDir
    static Path root;
    static Path plainRoot;
    static NDManager manager;
    static NyuV2Dataset dataset;

    @BeforeAll
    static void setUp() throws Exception {
        NyuV2Fixture.write(root, H, W, 2, 1, true);
        manager = NDManager.newBaseManager();
        dataset = new NyuV2Dataset(NyuV2Options.DEFAULTS.withRoot(root.toString()).withSize(H, W).withAugment(true));
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    private static float[] source(String folder, int index) throws Exception {
        return NpyFixtures.payload(root.resolve("train").resolve(folder).resolve(index + ".npy"));
    }

    @Test
    void isFoundByServiceLoaderWithTheDocumentedDefaults() {
        boolean found = false;
        for (DatasetProvider<?> p : ServiceLoader.load(DatasetProvider.class)) {
            found |= p instanceof NyuV2DatasetProvider && p.name().equals("nyuv2");
        }
        assertTrue(found);
        assertEquals(new NyuV2Options("data/nyuv2", 288, 384, false, List.of("semantic", "depth", "normal")),
                new NyuV2DatasetProvider().defaultOptions());
    }

    @Test
    void depthIsDividedByTheChosenScaleAndComesFromTheCrop() throws Exception {
        float[] src = source("depth", 1);
        Set<Integer> scales = new HashSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            NyuV2Dataset.Choice c = dataset.choose(seed);
            double s = NyuV2Dataset.SCALES[c.scale()];
            scales.add(c.scale());
            int h = (int) (H / s);
            int w = (int) (W / s);
            float[] out = dataset.get(manager, "train", 1, seed).targets().get(1).toFloatArray();
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    float v = out[y * W + x];
                    double restored = v * s;
                    // The fixture's depth has integer part 1 + y * W + x (or is 0): find its source pixel.
                    if (v == 0f) {
                        continue;
                    }
                    int p = (int) Math.floor(restored + 1e-4) - 1;
                    int sy = p / W;
                    int sx = p % W;
                    assertTrue(sy >= c.top() && sy < c.top() + h && sx >= c.left() && sx < c.left() + w,
                            "seed " + seed + ": pixel (" + y + ", " + x + ") comes from inside the crop");
                    assertEquals(src[p] / s, v, 1e-3 * v, "seed " + seed + ": depth / scale at (" + y + ", " + x + ")");
                    // Nearest neighbour: the source column follows floor(x' * w / W) for the (un)flipped column x'.
                    int xr = c.flip() ? W - 1 - x : x;
                    assertEquals(Math.floor(y * (double) h / H), sy - c.top(), 1, "row mapping");
                    assertEquals(Math.floor(xr * (double) w / W), sx - c.left(), 1, "column mapping");
                }
            }
        }
        assertEquals(Set.of(0, 1, 2), scales, "all three scales are drawn in " + SEEDS + " seeds");
    }

    @Test
    void normalsXIsNegatedOnFlipAndTheImageMirrored() throws Exception {
        int flips = 0;
        float[] srcImage = source("image", 0);
        for (long seed = 0; seed < SEEDS; seed++) {
            NyuV2Dataset.Choice c = dataset.choose(seed);
            Sample sample = dataset.get(manager, "train", 0, seed);
            float[] n = sample.targets().get(2).toFloatArray();
            for (int p = 0; p < H * W; p++) {
                assertEquals(c.flip() ? -NyuV2Fixture.NORMAL[0] : NyuV2Fixture.NORMAL[0], n[p], 1e-6f, "normal x");
                assertEquals(NyuV2Fixture.NORMAL[1], n[H * W + p], 1e-6f, "normal y");
                assertEquals(NyuV2Fixture.NORMAL[2], n[2 * H * W + p], 1e-6f, "normal z");
            }
            if (c.scale() == 0) {
                // Scale 1: the crop is the whole image and the resize the identity; only the flip remains.
                float[] img = sample.image().toFloatArray();
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        int sx = c.flip() ? W - 1 - x : x;
                        for (int ch = 0; ch < 3; ch++) {
                            assertEquals(srcImage[(y * W + sx) * 3 + ch], img[ch * H * W + y * W + x]);
                        }
                    }
                }
            }
            flips += c.flip() ? 1 : 0;
        }
        assertTrue(flips > SEEDS / 5 && flips < SEEDS * 4 / 5, "about half the seeds flip: " + flips);
    }

    @Test
    void imageIsResizedBilinearlyWithAlignedCorners() throws Exception {
        float[] src = source("image", 1);
        int checked = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            NyuV2Dataset.Choice c = dataset.choose(seed);
            if (c.scale() == 0) {
                continue;
            }
            double s = NyuV2Dataset.SCALES[c.scale()];
            int h = (int) (H / s);
            int w = (int) (W / s);
            float[] img = dataset.get(manager, "train", 1, seed).image().toFloatArray();
            for (int y = 0; y < H; y++) {
                double fy = y * (h - 1.0) / (H - 1.0);
                int y0 = (int) Math.floor(fy);
                int y1 = Math.min(y0 + 1, h - 1);
                double ly = fy - y0;
                for (int x = 0; x < W; x++) {
                    int xr = c.flip() ? W - 1 - x : x;
                    double fx = xr * (w - 1.0) / (W - 1.0);
                    int x0 = (int) Math.floor(fx);
                    int x1 = Math.min(x0 + 1, w - 1);
                    double lx = fx - x0;
                    for (int ch = 0; ch < 3; ch++) {
                        double v00 = src[((c.top() + y0) * W + c.left() + x0) * 3 + ch];
                        double v01 = src[((c.top() + y0) * W + c.left() + x1) * 3 + ch];
                        double v10 = src[((c.top() + y1) * W + c.left() + x0) * 3 + ch];
                        double v11 = src[((c.top() + y1) * W + c.left() + x1) * 3 + ch];
                        double expected = (1 - ly) * ((1 - lx) * v00 + lx * v01) + ly * ((1 - lx) * v10 + lx * v11);
                        assertEquals(expected, img[ch * H * W + y * W + x], 1e-5, "seed " + seed + " (" + ch + ", " + y + ", " + x + ")");
                    }
                }
            }
            checked++;
        }
        assertTrue(checked > 5);
    }

    @Test
    void labelsTakeOnlyValuesPresentInTheSourceCrop() throws Exception {
        float[] src = source("label", 0);
        for (long seed = 0; seed < SEEDS; seed++) {
            NyuV2Dataset.Choice c = dataset.choose(seed);
            double s = NyuV2Dataset.SCALES[c.scale()];
            Set<Float> inCrop = new HashSet<>();
            for (int y = c.top(); y < c.top() + (int) (H / s); y++) {
                for (int x = c.left(); x < c.left() + (int) (W / s); x++) {
                    inCrop.add(src[y * W + x]);
                }
            }
            for (float v : dataset.get(manager, "train", 0, seed).targets().get(0).toFloatArray()) {
                assertTrue(inCrop.contains(v), "seed " + seed + ": label " + v + " is in the crop");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSampleAndSeedsDiffer() throws Exception {
        Sample a = dataset.get(manager, "train", 1, 77L);
        Sample b = dataset.get(manager, "train", 1, 77L);
        assertArrayEquals(a.image().toFloatArray(), b.image().toFloatArray());
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(a.targets().get(t).toFloatArray(), b.targets().get(t).toFloatArray());
        }
        boolean differs = false;
        for (long seed = 0; seed < 5 && !differs; seed++) {
            differs = !java.util.Arrays.equals(a.image().toFloatArray(), dataset.get(manager, "train", 1, seed).image().toFloatArray());
        }
        assertTrue(differs, "other seeds give other samples");
    }

    @Test
    void validationIsNeverAugmented() throws Exception {
        float[] src = NpyFixtures.payload(root.resolve("val/image/0.npy"));
        float[] a = dataset.get(manager, "val", 0, 1L).image().toFloatArray();
        float[] b = dataset.get(manager, "val", 0, 2L).image().toFloatArray();
        assertArrayEquals(a, b);
        for (int p = 0; p < H * W; p++) {
            for (int ch = 0; ch < 3; ch++) {
                assertEquals(src[p * 3 + ch], a[ch * H * W + p], "channels move first");
            }
        }
        float[] depth = dataset.get(manager, "val", 0, 1L).targets().get(1).toFloatArray();
        assertArrayEquals(NpyFixtures.payload(root.resolve("val/depth/0.npy")), depth);
        assertFalse(depth.length == 0);
    }

    @Test
    void loadsConcurrentlyWithTheSameResults() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<float[]>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                long seed = i % 3;
                futures.add(pool.submit(() -> {
                    try (NDManager m = NDManager.newBaseManager()) {
                        return dataset.get(m, "train", 1, seed).targets().get(1).toFloatArray();
                    }
                }));
            }
            for (int i = 0; i < 12; i++) {
                assertArrayEquals(futures.get(i % 3).get(), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
