package org.mtan4j.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtan4j.cli.badinput.Refusals.Invocation.mtan;
import static org.mtan4j.cli.badinput.Refusals.refuse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.numpy.Npy;
import org.mtan4j.cli.CliTest;

/**
 * Damaged run directories and checkpoints given to every command that reads a run's checkpoint. Each
 * damage is applied to a copy of a trained tiny split run; the trained runs themselves are watched too.
 */
class CheckpointsTest {

    @TempDir
    static Path shared;

    @TempDir
    Path base;

    private static Path split;
    private static Path mtan;
    private static Path wide;
    private static Path image;

    /** A command that reads the checkpoint of {@code run}, writing (if it succeeded) only under {@code dir}. */
    @FunctionalInterface
    private interface Reader {
        Refusals.Invocation read(Path run, Path dir);
    }

    /** Every command that reads a run directory's checkpoint, by name. A new reader is one entry here. */
    private static final Map<String, Reader> READERS = new LinkedHashMap<>();

    static {
        READERS.put("predict", (run, dir) -> mtan("predict", "--run", run, "--input", image, "--out", dir.resolve("predictions")));
        READERS.put("export-weights", (run, dir) -> mtan("export-weights", "--run", run, "--out", dir.resolve("weights.npz")));
        READERS.put("train --resume", (run, dir) -> mtan("train", "--resume", run));
    }

    @BeforeAll
    static void trainTinyRuns() throws IOException {
        split = TinyRun.train(shared.resolve("runs"));
        mtan = TinyRun.train(shared.resolve("runs"), "name: tiny", "name: tiny-mtan", "name: split", "name: mtan");
        wide = TinyRun.train(shared.resolve("runs"), "name: tiny", "name: tiny-wide", "[4, 4, 4, 4, 4]", "[8, 8, 8, 8, 8]");
        image = shared.resolve("image.npy");
        Npy.write(image, new float[32 * 32 * 3], 32, 32, 3);
    }

    /** One case per reader: the damage is applied to a copy of the split run. */
    private static Stream<Refusals.Case> damaged(String name, Trees.Damage damage, String... names) {
        return READERS.entrySet().stream().map(reader -> refuse(reader.getKey() + ": " + name, dir -> {
            Path run = Trees.copy(split, dir.resolve("run"));
            Path faulty = damage.apply(run);
            return reader.getValue().read(run, dir).naming(faulty).naming((Object[]) names).watching(split, mtan, wide);
        }));
    }

    /**
     * Applies {@code change} to every file of the run's {@code checkpoints} folder, which the message must
     * name: readers read different files of it ({@code best.params}, the newest {@code step-*.ckpt}).
     */
    private static Trees.Damage everyCheckpoint(Trees.Damage change) {
        return run -> {
            Path folder = run.resolve("checkpoints");
            try (Stream<Path> files = Files.list(folder)) {
                for (Path p : files.toList()) {
                    change.apply(p);
                }
            }
            return folder;
        };
    }

    private static Path rewrite(Path file, java.util.function.UnaryOperator<byte[]> change) throws IOException {
        return Files.write(file, change.apply(Files.readAllBytes(file)));
    }

    @Test
    void aModelFileOfAnotherSizeIsSaidSoInAFewLines() {
        Path best = wide.resolve("checkpoints/best.params");
        CliTest.Result r = CliTest.mtan("export-weights", "--run", split.toString(), "--out", base.resolve("w.npz").toString(), best.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("mtan: " + best + ": a checkpoint of a model of another size: "), r.err());
        assertTrue(r.err().contains(", and ") && r.err().endsWith(" more\n"), "the first few parameters, then how many more: " + r.err());
    }

    @Test
    void aResumableCheckpointIsAlsoAModelFile() throws IOException {
        Path step;
        try (Stream<Path> files = Files.list(split.resolve("checkpoints"))) {
            step = files.filter(f -> f.getFileName().toString().endsWith(".ckpt")).findFirst().orElseThrow();
        }
        CliTest.Result fromStep = CliTest.mtan("export-weights", "--run", split.toString(), "--out", base.resolve("step.npz").toString(),
                step.toString());
        assertEquals(0, fromStep.code(), fromStep.err());
        CliTest.Result fromLast = CliTest.mtan("export-weights", "--run", split.toString(), "--out", base.resolve("last.npz").toString(),
                split.resolve("checkpoints/last.params").toString());
        assertEquals(0, fromLast.code(), fromLast.err());
        // Entry by entry: the zip headers hold the time each file was written.
        Map<String, org.mtan4j.numpy.NpyArray> last = org.mtan4j.numpy.Npz.read(base.resolve("last.npz"));
        Map<String, org.mtan4j.numpy.NpyArray> fromCheckpoint = org.mtan4j.numpy.Npz.read(base.resolve("step.npz"));
        assertEquals(last.keySet(), fromCheckpoint.keySet());
        last.forEach((name, array) -> assertArrayEquals(array.data(), fromCheckpoint.get(name).data(),
                name + ": the one-epoch run's step checkpoint holds its last weights"));
    }

    @TestFactory
    Stream<DynamicTest> damagedCheckpoints() {
        return Refusals.tests(base, Stream.of(
            damaged("truncated checkpoint", everyCheckpoint(p -> rewrite(p, b -> java.util.Arrays.copyOf(b, b.length / 2)))),
            damaged("bytes flipped in the middle", everyCheckpoint(p -> rewrite(p, b -> {
                for (int i = b.length / 2; i < b.length / 2 + 16; i++) {
                    b[i] ^= (byte) 0xFF;
                }
                return b;
            }))),
            damaged("damaged header", everyCheckpoint(p -> rewrite(p, b -> {
                for (int i = 0; i < 8; i++) {
                    b[i] ^= (byte) 0x5A;
                }
                return b;
            }))),
            damaged("bytes after the last parameter", everyCheckpoint(p -> rewrite(p, b -> java.util.Arrays.copyOf(b, b.length + 7)))),
            damaged("empty checkpoint", everyCheckpoint(p -> rewrite(p, b -> new byte[0]))),
            damaged("text instead of a checkpoint", everyCheckpoint(p -> Files.writeString(p, "epoch 1: fine\n"))),
            damaged("checkpoint of an mtan run in a split run", everyCheckpoint(p -> {
                Files.copy(mtan.resolve("checkpoints").resolve(p.getFileName()), p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return p;
            })),
            damaged("checkpoint of a wider model", everyCheckpoint(p -> {
                Files.copy(wide.resolve("checkpoints").resolve(p.getFileName()), p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return p;
            })),
            damaged("checkpoint without the weighting's parameters", run -> {
                Path config = run.resolve("config.yaml");
                String yaml = Files.readString(config);
                org.junit.jupiter.api.Assertions.assertTrue(yaml.contains("name: equal"), yaml);
                Files.writeString(config, yaml.replace("name: equal", "name: uncertainty"));
                return run.resolve("checkpoints");
            }),
            damaged("checkpoints are folders", everyCheckpoint(p -> Files.createDirectory(Trees.delete(p))), "checkpoint"),
            damaged("checkpoints are dangling symlinks", everyCheckpoint(p -> Files.createSymbolicLink(Trees.delete(p),
                    p.resolveSibling("gone.params"))), "checkpoint"),
            damaged("no checkpoints", run -> {
                Trees.delete(run.resolve("checkpoints"));
                return run;
            }, "checkpoint"),
            damaged("config.yaml missing", run -> {
                Files.delete(run.resolve("config.yaml"));
                return run;
            }, "config.yaml"),
            damaged("config.yaml with a tab", run -> rewrite(run.resolve("config.yaml"),
                    b -> ("\tseed: 1\n" + new String(b, java.nio.charset.StandardCharsets.UTF_8)).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "line 1"),
            damaged("run directory is a file", run -> Files.writeString(Trees.delete(run), "a file")),
            damaged("run directory does not exist", run -> Trees.delete(run)))
            .flatMap(s -> s).toList());
    }
}
