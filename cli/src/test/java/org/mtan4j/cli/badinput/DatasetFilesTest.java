package org.mtan4j.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mtan4j.cli.badinput.Refusals.Invocation.mtan;
import static org.mtan4j.cli.badinput.Refusals.refuse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.datasets.office.OfficeBenchmark;
import org.mtan4j.datasets.office.OfficeFixture;
import org.mtan4j.numpy.Npy;

/**
 * Damaged dataset folders given to {@code mtan train}: a copy of a tiny NYUv2-layout folder (2 + 2 samples
 * at 32x32) with one thing wrong. Every problem is found when the dataset is opened, before the run
 * directory exists. Office-31 split lists with a bad line are refused the same way.
 */
class DatasetFilesTest {

    private static final String SYNTHETIC = "  name: synthetic\n  options: {height: 32, width: 32, train-size: 4, val-size: 2}";

    @TempDir
    static Path shared;

    @TempDir
    Path base;

    private static Path nyu;

    @BeforeAll
    static void writeNyu() throws IOException {
        nyu = shared.resolve("nyuv2");
        for (String split : List.of("train", "val")) {
            for (int i = 0; i < 2; i++) {
                Path dir = nyu.resolve(split);
                Files.createDirectories(dir.resolve("image"));
                Files.createDirectories(dir.resolve("label"));
                Files.createDirectories(dir.resolve("depth"));
                Files.createDirectories(dir.resolve("normal"));
                Npy.write(dir.resolve("image/" + i + ".npy"), new float[32 * 32 * 3], 32, 32, 3);
                Npy.write(dir.resolve("label/" + i + ".npy"), new float[32 * 32], 32, 32);
                Npy.write(dir.resolve("depth/" + i + ".npy"), new float[32 * 32], 32, 32, 1);
                Npy.write(dir.resolve("normal/" + i + ".npy"), new float[32 * 32 * 3], 32, 32, 3);
            }
        }
    }

    /** Trains the tiny run on {@code dataset} at {@code root} (a damaged copy of the good folder). */
    private static Refusals.Case damaged(String name, Trees.Damage damage, String... names) {
        return refuse(name, dir -> {
            Path root = dir.resolve("nyuv2");
            Trees.copy(nyu, root);
            Path faulty = damage.apply(root);
            Path config = TinyRun.config(dir.resolve("run.yaml"), SYNTHETIC,
                    "  name: nyuv2\n  options: {root: '" + root + "', height: 32, width: 32}");
            return mtan("train", config, "--out", dir.resolve("runs")).naming(config, "dataset", faulty).naming((Object[]) names);
        });
    }

    /** Another dataset whose root is {@code root(dir)}. */
    private static Refusals.Case otherDataset(String name, String dataset, Trees.Damage root) {
        return refuse(name, dir -> {
            Path r = root.apply(dir);
            Path config = TinyRun.config(dir.resolve("run.yaml"), SYNTHETIC, "  name: " + dataset + "\n  options: {root: '" + r + "'}");
            return mtan("train", config, "--out", dir.resolve("runs")).naming(config, "dataset", r);
        });
    }

    @TestFactory
    Stream<DynamicTest> damagedDatasetFolders() {
        return Refusals.tests(base, List.of(
            damaged("root does not exist", root -> Trees.delete(root), "root"),
            damaged("root is a file", root -> {
                Trees.delete(root);
                return Files.writeString(root, "not a folder");
            }, "root"),
            damaged("root is a dangling symlink", root -> {
                Trees.delete(root);
                return Files.createSymbolicLink(root, root.resolveSibling("gone"));
            }),
            damaged("validation split missing", root -> Trees.delete(root.resolve("val"))),
            damaged("task folder missing", root -> Trees.delete(root.resolve("train/depth"))),
            damaged("one array missing", root -> {
                Trees.delete(root.resolve("train/normal/1.npy"));
                return root.resolve("train/normal");
            }),
            damaged("array name with a leading zero", root -> Files.copy(root.resolve("train/image/1.npy"), root.resolve("train/image/01.npy"))),
            damaged("image folder empty", root -> {
                Trees.delete(root.resolve("val/image/0.npy"));
                Trees.delete(root.resolve("val/image/1.npy"));
                return root.resolve("val/image");
            }),
            // Unreadable files, as root can still read a chmod 000 file: a folder, a FIFO and a link to nothing in a file's place.
            damaged("a folder where an array is expected", root -> {
                Trees.delete(root.resolve("train/label/0.npy"));
                return Files.createDirectory(root.resolve("train/label/0.npy"));
            }, "folder"),
            damaged("a FIFO where an array is expected", root -> {
                Path fifo = root.resolve("val/depth/1.npy");
                Trees.delete(fifo);
                assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
                return fifo;
            }, "not a regular file"),
            damaged("a dangling symlink where an array is expected", root -> {
                Path link = root.resolve("train/image/1.npy");
                Trees.delete(link);
                return Files.createSymbolicLink(link, root.resolve("train/image/9.npy"));
            }, "missing file"),
            damaged("truncated array", root -> {
                Path f = root.resolve("train/depth/1.npy");
                byte[] b = Files.readAllBytes(f);
                return Files.write(f, java.util.Arrays.copyOf(b, b.length - 8));
            }, "truncated"),
            damaged("array of the wrong shape", root -> {
                Path f = root.resolve("val/image/0.npy");
                Npy.write(f, new float[16 * 16 * 3], 16, 16, 3);
                return f;
            }, "(16, 16, 3)"),
            damaged("big-endian array", root -> rawArray(root.resolve("train/label/1.npy"), ">f4", 4, 32, 32), "big-endian"),
            damaged("float64 array", root -> rawArray(root.resolve("val/normal/0.npy"), "<f8", 8, 32, 32, 3), "'<f4'"),
            otherDataset("cityscapes root does not exist", "cityscapes", dir -> dir.resolve("no-cityscapes")),
            otherDataset("decathlon root is a file", "decathlon", dir -> Files.writeString(dir.resolve("decathlon.txt"), "x")),
            office("office-31 list entry without its image", list -> appendLine(list, "amazon/images/bike/frame_0404.jpg 27"),
                    "frame_0404.jpg", "missing image file"),
            office("office-31 label out of range", list -> appendLine(list, "amazon/images/bike/frame_0001.jpg 31"), "out of range [0, 31)"),
            office("office-31 split list line without a label", list -> appendLine(list, "amazon/images/bike/frame_0001.jpg"),
                    "expected 'PATH LABEL'"),
            office("office-31 split list missing", list -> Trees.delete(list.resolveSibling("amazon_val.txt")), "amazon_val.txt")));
    }

    /** Trains on a small Office-31 amazon tree with its split lists, whose train list {@code damage} changes. */
    private static Refusals.Case office(String name, Trees.Damage damage, String... names) {
        return refuse(name, dir -> {
            Path root = dir.resolve("office-31");
            OfficeFixture.write(root, OfficeBenchmark.OFFICE_31, "amazon", 5, true);
            Path faulty = damage.apply(root.resolve("split-lists/amazon_train.txt"));
            Path config = TinyRun.config(dir.resolve("run.yaml"), SYNTHETIC,
                    "  name: office-31\n  options: {root: '" + root + "', domain: amazon, size: 32}");
            return mtan("train", config, "--out", dir.resolve("runs")).naming(config, "dataset", faulty).naming((Object[]) names);
        });
    }

    private static Path appendLine(Path list, String line) throws IOException {
        return Files.writeString(list, line + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    /** Replaces {@code file} by a zero-filled array of another dtype. */
    private static Path rawArray(Path file, String descr, int itemSize, int... shape) throws IOException {
        byte[] header = Npy.header(descr, false, shape);
        int count = 1;
        for (int d : shape) {
            count *= d;
        }
        return Files.write(file, java.util.Arrays.copyOf(header, header.length + itemSize * count));
    }
}
