package org.mtan4j.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mtan4j.cli.badinput.Refusals.Invocation.mtan;
import static org.mtan4j.cli.badinput.Refusals.refuse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mtan4j.cli.CliTest;
import org.mtan4j.numpy.Npy;
import org.mtan4j.numpy.Npz;

/**
 * Damaged PyTorch state_dicts ({@code .npz}) given to {@code import-weights} and {@code predict --weights}:
 * each is a changed copy of the state_dict exported from a trained tiny split run.
 */
class ImportedWeightsTest {

    @TempDir
    static Path shared;

    @TempDir
    Path base;

    private static Path config;
    private static Path good;
    private static Path image;
    /** The good file's entries: name (with .npy) to the entry's bytes. */
    private static Map<String, byte[]> entries;

    @BeforeAll
    static void exportAStateDict() throws IOException {
        Path run = TinyRun.train(shared.resolve("runs"));
        config = run.resolve("config.yaml");
        good = shared.resolve("good.npz");
        CliTest.Result r = CliTest.mtan("export-weights", "--run", run.toString(), "--out", good.toString());
        assertEquals(0, r.code(), r.err());
        image = shared.resolve("image.npy");
        Npy.write(image, new float[32 * 32 * 3], 32, 32, 3);
        entries = new LinkedHashMap<>();
        Npz.read(good).forEach((name, array) -> entries.put(name + ".npy", Npy.encode(array.data(), array.shape())));
    }

    /** One case per command that reads a state_dict; {@code make} writes the bad file into the case's folder. */
    private static Stream<Refusals.Case> bad(String name, Trees.Damage make, String... names) {
        return Stream.of(
            refuse("import-weights: " + name, dir -> mtan("import-weights", "--config", config, "--from", make.apply(dir),
                    "--out", dir.resolve("imported.params")).naming((Object[]) names).watching(shared)),
            refuse("predict --weights: " + name, dir -> mtan("predict", "--config", config, "--weights", make.apply(dir),
                    "--input", image, "--out", dir.resolve("predictions")).naming((Object[]) names).watching(shared)));
    }

    /**
     * A PyTorch Lightning {@code .ckpt} (a torch.save zip: {@code archive/data.pkl} and tensor data) given to
     * {@code command} as a model file: the message says what it is and which command reads its weights.
     */
    private static Stream<Refusals.Case> pytorchFile(String command, java.util.function.BiFunction<Path, Path, Refusals.Invocation> run) {
        return Stream.of(refuse(command + ": a PyTorch .ckpt", dir -> {
            Path file = dir.resolve("epoch=199.ckpt");
            try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (String entry : new String[] {"archive/data.pkl", "archive/data/0", "archive/version"}) {
                    zip.putNextEntry(new ZipEntry(entry));
                    zip.write(new byte[] {(byte) 0x80, 2, '}', 'q', 0, '.'});
                    zip.closeEntry();
                }
            }
            return run.apply(file, dir).naming(file, "a PyTorch file", "not an mtan4j model file", "import-weights").watching(shared);
        }));
    }

    /** The good entries changed by {@code change}, written as {@code dir/state.npz}. */
    private static Trees.Damage entries(Consumer<Map<String, byte[]>> change) {
        return dir -> {
            Map<String, byte[]> changed = new LinkedHashMap<>(entries);
            change.accept(changed);
            Path file = dir.resolve("state.npz");
            try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> e : changed.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return file;
        };
    }

    /** The good file's bytes changed by {@code change}, as {@code dir/state.npz}. */
    private static Trees.Damage bytes(java.util.function.UnaryOperator<byte[]> change) {
        return dir -> Files.write(dir.resolve("state.npz"), change.apply(Files.readAllBytes(good)));
    }

    private static String first() {
        return entries.keySet().iterator().next();
    }

    private static String stem(String entry) {
        return entry.substring(0, entry.length() - ".npy".length());
    }

    @TestFactory
    Stream<DynamicTest> damagedStateDicts() {
        String first = first();
        return Refusals.tests(base, Stream.of(
            bad("truncated file", bytes(b -> java.util.Arrays.copyOf(b, b.length / 2)), "state.npz"),
            bad("not a zip archive", bytes(b -> "weights, honestly\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "state.npz", "zip"),
            bad("empty file", bytes(b -> new byte[0]), "state.npz"),
            bad("missing entry", entries(m -> m.remove(first)), "state.npz", stem(first), "missing"),
            bad("extra entry", entries(m -> m.put("decoder.extra.weight.npy", Npy.encode(new float[4], 4))), "state.npz",
                    "decoder.extra.weight", "unexpected"),
            bad("wrong shape", entries(m -> m.put(first, Npy.encode(new float[3], 3))), "state.npz", stem(first), "wrong shape"),
            bad("wrong dtype", entries(m -> m.put(first, int32Like(m.get(first)))), "state.npz", stem(first), "<i4"),
            bad("entry that is not a .npy", entries(m -> m.put("README.txt", new byte[] {'h', 'i'})), "state.npz", "README.txt"),
            bad("entry with a damaged .npy header", entries(m -> m.put(first, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})),
                    "state.npz", first),
            bad("a folder instead of a file", dir -> Files.createDirectory(dir.resolve("state.npz")), "state.npz", "a folder"),
            bad("the state_dict of another network", entries(m -> {
                m.clear();
                m.put("fc.weight.npy", Npy.encode(new float[6], 2, 3));
            }), "state.npz", "no entry names a parameter", "missing: ", "and "),
            pytorchFile("predict --weights", (file, dir) -> mtan("predict", "--config", config, "--weights", file, "--input", image,
                    "--out", dir.resolve("predictions"))),
            pytorchFile("export-weights", (file, dir) -> mtan("export-weights", "--config", config, "--out", dir.resolve("w.npz"), file)),
            bad("no such file", dir -> dir.resolve("absent.npz"), "absent.npz"),
            Stream.of(refuse("import-weights: --out exists without --force", dir -> {
                Path out = Files.writeString(dir.resolve("imported.params"), "an earlier checkpoint");
                return mtan("import-weights", "--config", config, "--from", good, "--out", out).naming(out, "--force").watching(shared);
            })))
            .flatMap(s -> s).toList());
    }

    /** The same entry as int32 (same shape, zero values). */
    private static byte[] int32Like(byte[] npy) {
        try {
            int[] shape = Npy.decode(npy, "entry", false).shape();
            byte[] header = Npy.header("<i4", false, shape);
            int count = 1;
            for (int d : shape) {
                count *= d;
            }
            return ByteBuffer.allocate(header.length + 4 * count).order(ByteOrder.LITTLE_ENDIAN).put(header).array();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
