package org.mtan4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtan4j.cli.CliTest.mtan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.numpy.Npy;
import org.mtan4j.numpy.NpyArray;
import org.mtan4j.numpy.NpyDType;
import org.mtan4j.numpy.Npz;
import org.mtan4j.runtime.Engines;
import org.mtan4j.runtime.PluginRegistry;
import org.mtan4j.runtime.RunResolver;
import org.mtan4j.runtime.config.ConfigLoader;
import org.mtan4j.runtime.predict.Visualisations;
import org.mtan4j.runtime.weights.RunModel;
import org.mtan4j.runtime.weights.StateDicts;

/**
 * {@code mtan import-weights}, {@code export-weights} and {@code predict} on a narrow split SegNet at
 * 64x96 with uncertainty weighting (so {@code logsigma} takes part), from a random state_dict.
 */
class WeightCommandsTest {

    private static final int H = 64;
    private static final int W = 96;

    private static final String YAML = String.join("\n",
            "name: weights",
            "seed: 5",
            "dataset:",
            "  name: synthetic",
            "  options: {height: " + H + ", width: " + W + ", train-size: 2, val-size: 2}",
            "tasks:",
            "  semantic: {head: segnet-semantic, metrics: [confusion-matrix]}",
            "  depth: {head: segnet-depth, metrics: [depth-error]}",
            "  normal: {head: segnet-normal, metrics: [normal-angle]}",
            "backbone:",
            "  name: split",
            "  options: {filters: [4, 8, 8, 8, 8]}",
            "weighting: uncertainty",
            "");

    @BeforeAll
    static void offline() {
        Engines.markOffline();
    }

    /** The config file and a random state_dict with the model's names and shapes. */
    private static Path[] fixture(Path dir) throws IOException {
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, YAML);
        Path npz = dir.resolve("state.npz");
        try (RunModel model = RunModel.build(new RunResolver(PluginRegistry.discover()).resolve(
                ConfigLoader.load(YAML, "run.yaml", List.of()), "run.yaml"))) {
            Random random = new Random(11);
            Map<String, NpyArray> state = new LinkedHashMap<>();
            StateDicts.arrays(model.stateDictNames()).forEach((name, a) -> {
                float[] v = new float[a.data().length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = name.endsWith("running_var") ? 0.5f + random.nextFloat() : (float) (0.3 * random.nextGaussian());
                }
                state.put(name, new NpyArray(name, NpyDType.FLOAT32, a.shape(), v));
            });
            Npz.write(npz, state, false);
        }
        return new Path[] {config, npz};
    }

    private static Map<String, byte[]> entries(Path npz) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    @Test
    void importThenExportReproducesTheStateDictAndBadFilesExitTwo(@TempDir Path dir) throws Exception {
        Path[] f = fixture(dir);
        Path checkpoint = dir.resolve("model.params");
        CliTest.Result imported = mtan("import-weights", "--config", f[0].toString(), "--from", f[1].toString(), "--out", checkpoint.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("Imported"), imported.out());
        Path exported = dir.resolve("exported.npz");
        CliTest.Result export = mtan("export-weights", checkpoint.toString(), "--config", f[0].toString(), "--out", exported.toString());
        assertEquals(0, export.code(), export.err());
        Map<String, byte[]> want = entries(f[1]);
        Map<String, byte[]> got = entries(exported);
        assertEquals(new ArrayList<>(want.keySet()), new ArrayList<>(got.keySet()));
        want.forEach((name, bytes) -> assertArrayEquals(bytes, got.get(name), name));

        // A damaged state_dict: two keys gone, one renamed; every problem in one message, exit 2, no output.
        Map<String, NpyArray> state = Npz.read(f[1]);
        List<String> names = new ArrayList<>(state.keySet());
        state.remove(names.get(1));
        state.remove(names.get(5));
        state.put("pred_task9.0.weight", state.get(names.get(2)));
        Path bad = dir.resolve("bad.npz");
        Npz.write(bad, state, false);
        Path none = dir.resolve("none.params");
        CliTest.Result refused = mtan("import-weights", "--config", f[0].toString(), "--from", bad.toString(), "--out", none.toString());
        assertEquals(2, refused.code(), refused.err());
        for (String s : List.of(bad.toString(), names.get(1), names.get(5), "pred_task9.0.weight")) {
            assertTrue(refused.err().contains(s), s + " in " + refused.err());
        }
        assertFalse(Files.exists(none));

        CliTest.Result noModel = mtan("import-weights", "--from", f[1].toString(), "--out", none.toString());
        assertEquals(2, noModel.code(), noModel.err());
        assertTrue(noModel.err().contains("--config"), noModel.err());
        CliTest.Result exists = mtan("import-weights", "--config", f[0].toString(), "--from", f[1].toString(), "--out", checkpoint.toString());
        assertEquals(2, exists.code(), exists.err());
    }

    @Test
    void predictWritesEveryTasksArraysAndPictures(@TempDir Path dir) throws Exception {
        Path[] f = fixture(dir);
        // A run directory as training leaves it: config.yaml and a checkpoint.
        Path run = dir.resolve("run");
        Files.createDirectories(run.resolve("checkpoints"));
        Files.copy(f[0], run.resolve("config.yaml"));
        assertEquals(0, mtan("import-weights", "--config", f[0].toString(), "--from", f[1].toString(), "--out",
                run.resolve("checkpoints/best.params").toString()).code());

        Random random = new Random(3);
        Path pngSame = dir.resolve("same.png");
        Path pngOther = dir.resolve("other.png");
        ImageIO.write(randomImage(W, H, random), "png", pngSame.toFile());
        ImageIO.write(randomImage(50, 70, random), "png", pngOther.toFile());
        Path npy = dir.resolve("array.npy");
        float[] pixels = new float[H * W * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        Npy.write(npy, pixels, H, W, 3);

        Path out = dir.resolve("predictions");
        CliTest.Result r = mtan("predict", "--run", run.toString(), "--input", pngSame.toString(), pngOther.toString(), npy.toString(),
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String stem : List.of("same", "other", "array")) {
            NpyArray classes = Npy.read(out.resolve(stem + ".semantic.npy"));
            assertArrayEquals(new int[] {H, W}, classes.shape());
            NpyArray logProbs = Npy.read(out.resolve(stem + ".semantic.logprobs.npy"));
            assertArrayEquals(new int[] {H, W, 13}, logProbs.shape());
            for (int p = 0; p < H * W; p++) {
                double sum = 0;
                int best = 0;
                for (int c = 0; c < 13; c++) {
                    sum += Math.exp(logProbs.data()[p * 13 + c]);
                    best = logProbs.data()[p * 13 + c] > logProbs.data()[p * 13 + best] ? c : best;
                }
                assertEquals(1.0, sum, 1e-4, "probabilities sum to 1");
                assertEquals(best, classes.data()[p], "the class map is the arg max");
            }
            BufferedImage semantic = ImageIO.read(out.resolve(stem + ".semantic.png").toFile());
            assertEquals(W, semantic.getWidth());
            assertEquals(H, semantic.getHeight());
            assertEquals(Visualisations.classColour((int) classes.data()[W + 1]), semantic.getRGB(1, 1) & 0xffffff);

            assertArrayEquals(new int[] {H, W, 1}, Npy.read(out.resolve(stem + ".depth.npy")).shape());
            BufferedImage depth = ImageIO.read(out.resolve(stem + ".depth.png").toFile());
            assertEquals(W, depth.getWidth());
            assertEquals(H, depth.getHeight());

            NpyArray normals = Npy.read(out.resolve(stem + ".normal.npy"));
            assertArrayEquals(new int[] {H, W, 3}, normals.shape());
            float[] n = normals.data();
            for (int p = 0; p < H * W; p++) {
                double length = Math.sqrt(n[3 * p] * n[3 * p] + n[3 * p + 1] * n[3 * p + 1] + n[3 * p + 2] * n[3 * p + 2]);
                assertEquals(1.0, length, 1e-4, "unit normals");
            }
            BufferedImage normalPicture = ImageIO.read(out.resolve(stem + ".normal.png").toFile());
            int rgb = normalPicture.getRGB(2, 3);
            assertEquals(Visualisations.encode(n[(3 * W + 2) * 3]), (rgb >> 16) & 0xff);
            assertEquals(Visualisations.encode(n[(3 * W + 2) * 3 + 2]), rgb & 0xff);
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(3 * 7, files.count(), "7 files per input, nothing else");
        }

        // --config with --weights (a state_dict works too) gives the same prediction.
        Path out2 = dir.resolve("again");
        CliTest.Result again = mtan("predict", "--config", f[0].toString(), "--weights", f[1].toString(), "--input", npy.toString(),
                "--out", out2.toString());
        assertEquals(0, again.code(), again.err());
        assertArrayEquals(Files.readAllBytes(out.resolve("array.depth.npy")), Files.readAllBytes(out2.resolve("array.depth.npy")));

        // A bad input anywhere: exit 2 naming it, and nothing written.
        Path wrong = dir.resolve("wrong.npy");
        Npy.write(wrong, new float[H * W], H, W);
        Path out3 = dir.resolve("never");
        CliTest.Result refused = mtan("predict", "--run", run.toString(), "--input", npy.toString(), wrong.toString(), "--out", out3.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains(wrong.toString()), refused.err());
        assertFalse(Files.exists(out3));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "temporary folder removed");
        }
    }

    private static BufferedImage randomImage(int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }
}
