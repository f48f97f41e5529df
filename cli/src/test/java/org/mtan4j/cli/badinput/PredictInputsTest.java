package org.mtan4j.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mtan4j.cli.badinput.Refusals.Invocation.mtan;
import static org.mtan4j.cli.badinput.Refusals.refuse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.numpy.Npy;

/** Bad input files given to {@code mtan predict} with a trained tiny run: refused, and no prediction written. */
class PredictInputsTest {

    @TempDir
    static Path shared;

    @TempDir
    Path base;

    private static Path run;
    private static Path png;
    private static Path npy;

    @BeforeAll
    static void trainATinyRun() throws IOException {
        run = TinyRun.train(shared.resolve("runs"));
        png = shared.resolve("good.png");
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        npy = shared.resolve("good.npy");
        Npy.write(npy, new float[32 * 32 * 3], 32, 32, 3);
    }

    /** Predicts a good input and the bad one {@code make} writes into the case's folder. */
    private static Refusals.Case input(String name, Trees.Damage make, String... names) {
        return refuse(name, dir -> {
            Path bad = make.apply(dir);
            return mtan("predict", "--run", run, "--input", npy, bad, "--out", dir.resolve("predictions"))
                    .naming(bad).naming((Object[]) names).watching(shared);
        });
    }

    @TestFactory
    Stream<DynamicTest> badInputs() {
        return Refusals.tests(base, List.of(
            input("missing file", dir -> dir.resolve("absent.png"), "no such file"),
            input("text named .png", dir -> Files.writeString(dir.resolve("photo.png"), "not an image")),
            input("unsupported extension", dir -> Files.writeString(dir.resolve("photo.txt"), "not an image"), ".npy"),
            input("truncated PNG", dir -> {
                byte[] b = Files.readAllBytes(png);
                return Files.write(dir.resolve("cut.png"), Arrays.copyOf(b, b.length / 2));
            }),
            input("empty JPEG", dir -> Files.write(dir.resolve("empty.jpg"), new byte[0])),
            input(".npy without channels", dir -> {
                Path f = dir.resolve("gray.npy");
                Npy.write(f, new float[32 * 32], 32, 32);
                return f;
            }, "(32, 32)"),
            input(".npy values outside [0, 1]", dir -> {
                Path f = dir.resolve("bright.npy");
                float[] v = new float[32 * 32 * 3];
                v[7] = 255f;
                Npy.write(f, v, 32, 32, 3);
                return f;
            }, "outside [0, 1]"),
            input("a folder as input", dir -> Files.createDirectory(dir.resolve("frames.png")), "a folder"),
            // A FIFO stands for an unreadable file (root reads a chmod 000 file); opening one would block.
            input("a FIFO as input", dir -> {
                Path fifo = dir.resolve("stream.npy");
                assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
                return fifo;
            }, "not a regular file"),
            refuse("output folder is a file", dir -> {
                Path out = Files.writeString(dir.resolve("predictions"), "a file");
                return mtan("predict", "--run", run, "--input", png, "--out", out).naming(out).watching(shared);
            })));
    }
}
