package org.mtan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.datasets.office.OfficeBenchmark;
import org.mtan4j.datasets.office.OfficeFixture;
import org.mtan4j.numpy.Npy;

/** {@code mtan data check} on small NYUv2 and Office-31 folders, clean and with several bad files. */
class DataCommandTest {

    private static final int H = 32;
    private static final int W = 64;

    private static void writeNyu(Path root) throws IOException {
        writeNyu(root, 2);
    }

    private static void writeNyu(Path root, int perSplit) throws IOException {
        for (String split : new String[] {"train", "val"}) {
            for (int i = 0; i < perSplit; i++) {
                float[] image = new float[H * W * 3];
                float[] label = new float[H * W];
                float[] depth = new float[H * W];
                float[] normal = new float[H * W * 3];
                for (int p = 0; p < H * W; p++) {
                    image[p * 3] = 0.5f;
                    label[p] = p % 14 - 1;
                    depth[p] = p % 5;
                    normal[p * 3 + 2] = p % 4 == 0 ? 0f : 1f;
                }
                write(root.resolve(split + "/image/" + i + ".npy"), Npy.encode(image, H, W, 3));
                write(root.resolve(split + "/label/" + i + ".npy"), Npy.encode(label, H, W));
                write(root.resolve(split + "/depth/" + i + ".npy"), Npy.encode(depth, H, W, 1));
                write(root.resolve(split + "/normal/" + i + ".npy"), Npy.encode(normal, H, W, 3));
            }
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** {@code mtan data check DATASET --root ROOT --set S...}. */
    private static CliTest.Result check(String dataset, Path root, String... sets) {
        List<String> args = new ArrayList<>(List.of("data", "check", dataset, "--root", root.toString()));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliTest.Result(code, out.toString(), err.toString());
    }

    private static CliTest.Result check(Path root) {
        return check("nyuv2", root, "height=32", "width=64");
    }

    @Test
    void aCleanFolderReportsCountsShapesRangesAndHistograms(@TempDir Path root) throws IOException {
        writeNyu(root);
        CliTest.Result r = check(root);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("train/label: <f4 (32, 64) x2"), r.out());
        assertTrue(r.out().contains("train: 2 samples (2 readable)"), r.out());
        assertTrue(r.out().contains("semantic (segmentation): range [-1.000, 12.00], ignored 7."), r.out());
        assertTrue(r.out().contains("depth (depth): range [0.000, 4.000], unknown 20.02%"), r.out());
        assertTrue(r.out().contains("normal (normal): range [0.000, 1.000], unknown 25.00%"), r.out());
        assertTrue(r.out().contains("no problems found"), r.out());
    }

    @Test
    void everyBadFileIsListedInOnePass(@TempDir Path root) throws IOException {
        writeNyu(root);
        Path big = root.resolve("train/normal/1.npy");
        byte[] b = Npy.encode(new float[H * W * 3], H, W, 3);
        b[new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("'<f4'") + 1] = '>'; // now '>f4'
        Files.write(big, b);
        Path truncated = root.resolve("val/depth/0.npy");
        byte[] d = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(d, d.length - 8));
        float[] label = new float[H * W];
        label[5] = 20;
        Path outOfRange = root.resolve("val/label/1.npy");
        Files.write(outOfRange, Npy.encode(label, H, W));
        CliTest.Result r = check(root);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(big + ": big-endian"), r.out());
        assertTrue(r.out().contains(truncated + ": truncated"), r.out());
        assertTrue(r.out().contains(outOfRange + ": label 20.0"), r.out());
        assertTrue(r.out().contains("train[1]: " + big), r.out());
    }

    @Test
    void theWrongImageSizeGetsAHintAndTheFirstTenProblems(@TempDir Path root) throws IOException {
        writeNyu(root, 6);
        CliTest.Result r = check("nyuv2", root); // the options' default size, 288x384
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("12 problem(s); the files are 32x64 but the options say height 288, width 384: "
                + "pass --set height=32 --set width=64"), r.out());
        List<String> listed = r.out().lines().dropWhile(l -> !l.contains("problem(s)")).skip(1).toList();
        assertEquals(12, listed.size(), "ten problems, 'and 2 more', the hint for all of them: " + r.out());
        assertEquals("  and 2 more", listed.get(10));
        assertEquals("(--all lists every problem)", listed.get(11));

        CliTest.Result all = CliTest.mtan("data", "check", "nyuv2", "--root", root.toString(), "--all");
        assertEquals(12, all.out().lines().dropWhile(l -> !l.contains("problem(s)")).skip(1).count(), all.out());
    }

    @Test
    void aMissingSplitIsReported(@TempDir Path root) throws IOException {
        writeNyu(root);
        Files.walk(root.resolve("val")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        CliTest.Result r = check(root);
        assertEquals(2, r.code());
        assertTrue(r.out().contains(root.resolve("val") + ": missing split folder"), r.out());
    }

    private static CliTest.Result checkOffice(Path root) {
        return check("office-31", root, "domain=amazon", "size=16");
    }

    @Test
    void anOfficeDomainWithItsSplitListsReportsEachSplitAndTheListsLabels(@TempDir Path root) throws IOException {
        OfficeFixture.write(root, OfficeBenchmark.OFFICE_31, "amazon", 5, true);
        CliTest.Result r = checkOffice(root);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("train: 9 samples (9 readable), image (3, 16, 16) float32 range ["), r.out());
        assertTrue(r.out().contains("val: 3 samples (3 readable)"), r.out());
        assertTrue(r.out().contains("test: 3 samples (3 readable)"), r.out());
        // LibMTL's labels of back_pack, calculator and bike, out of 31 classes.
        assertTrue(r.out().contains("amazon (classification): range [0.000, 27.00], ignored 0.00%, histogram: 0:33.33% 1:0.00%"), r.out());
        assertTrue(r.out().contains(" 4:33.33% ") && r.out().contains(" 27:33.33% 28:0.00% 29:0.00% 30:0.00%"), r.out());
        assertTrue(r.out().contains("no problems found"), r.out());
    }

    @Test
    void everyBadOfficeEntryIsListedNamingItsFile(@TempDir Path root) throws IOException {
        List<String> lines = OfficeFixture.write(root, OfficeBenchmark.OFFICE_31, "amazon", 5, true);
        Path list = root.resolve("split-lists/amazon_train.txt");
        List<String> train = new ArrayList<>(Files.readAllLines(list));
        train.add("amazon/images/bike/frame_0404.jpg 27");
        train.add(lines.get(0).split(" ")[0] + " 31");
        Files.write(list, train);
        Path damaged = root.resolve(lines.get(9).split(" ")[0]); // val[0]
        byte[] bytes = Files.readAllBytes(damaged);
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CliTest.Result r = checkOffice(root);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("3 problem(s):"), r.out());
        assertTrue(r.out().contains("train[9]: " + list + ":10: " + root.resolve("amazon/images/bike/frame_0404.jpg") + ": missing image file"),
                r.out());
        assertTrue(r.out().contains("train[10]: " + list + ":11: label 31 of " + lines.get(0).split(" ")[0] + " is out of range [0, 31)"),
                r.out());
        assertTrue(r.out().contains("val[0]: " + damaged + ": "), r.out());
        assertTrue(r.out().contains("train: 11 samples (9 readable)"), r.out());
    }
}
