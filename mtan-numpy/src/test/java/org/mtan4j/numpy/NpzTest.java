package org.mtan4j.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .npz} archives: hand-made zips of hand-made {@code .npy} entries, and round trips. */
class NpzTest {

    @TempDir
    Path dir;

    private Path zip(String name, boolean stored, Object... entries) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(os)) {
            for (int i = 0; i < entries.length; i += 2) {
                byte[] bytes = (byte[]) entries[i + 1];
                ZipEntry e = new ZipEntry((String) entries[i]);
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(bytes.length);
                    e.setCrc(crc.getValue());
                }
                z.putNextEntry(e);
                z.write(bytes);
                z.closeEntry();
            }
        }
        return p;
    }

    private static byte[] f4(String shape, float... v) {
        return NpyTest.npy(1, NpyTest.dict("<f4", false, shape), NpyTest.floats(ByteOrder.LITTLE_ENDIAN, v));
    }

    @Test
    void readsStoredAndDeflatedArchivesInEntryOrder() throws IOException {
        for (boolean stored : new boolean[] {true, false}) {
            Path p = zip("a" + stored + ".npz", stored, "z.weight.npy", f4("(2,)", 1, 2), "a.bias.npy", f4("()", 3),
                    "m.npy", f4("(1, 1)", 4));
            Map<String, NpyArray> m = Npz.read(p);
            assertEquals(List.of("z.weight", "a.bias", "m"), List.copyOf(m.keySet()), "archive order, not sorted");
            assertArrayEquals(new float[] {1, 2}, m.get("z.weight").data());
            assertEquals(p + ":a.bias.npy", m.get("a.bias").source());
        }
    }

    @Test
    void roundTripsBothWays() throws IOException {
        Map<String, NpyArray> in = new LinkedHashMap<>();
        in.put("conv.weight", new NpyArray("x", NpyDType.FLOAT32, new int[] {2, 1, 2}, new float[] {1, 2, 3, 4}));
        in.put("bn.running_mean", new NpyArray("x", NpyDType.FLOAT32, new int[] {1}, new float[] {-0.5f}));
        for (boolean compress : new boolean[] {true, false}) {
            Path p = dir.resolve("w" + compress + ".npz");
            Npz.write(p, in, compress);
            Map<String, NpyArray> out = Npz.read(p);
            assertEquals(List.copyOf(in.keySet()), List.copyOf(out.keySet()));
            for (String k : in.keySet()) {
                assertArrayEquals(in.get(k).shape(), out.get(k).shape());
                assertArrayEquals(in.get(k).data(), out.get(k).data());
            }
        }
    }

    @Test
    void namesTheEntryThatIsWrong() throws IOException {
        byte[] big = NpyTest.npy(1, NpyTest.dict(">f4", false, "(1,)"), NpyTest.floats(ByteOrder.BIG_ENDIAN, 1));
        Path p = zip("big.npz", false, "ok.npy", f4("()", 1), "bad.npy", big);
        IOException e = assertThrows(IOException.class, () -> Npz.read(p));
        assertTrue(e.getMessage().startsWith(p + ":bad.npy: big-endian"), e.getMessage());
        assertArrayEquals(new float[] {1}, Npz.read(p, true).get("bad").data());

        Path other = zip("other.npz", false, "readme.txt", new byte[] {1});
        e = assertThrows(IOException.class, () -> Npz.read(other));
        assertTrue(e.getMessage().startsWith(other + ":readme.txt: not a .npy entry"), e.getMessage());

        byte[] whole = Files.readAllBytes(zip("t.npz", false, "a.npy", f4("(3,)", 1, 2, 3)));
        Path truncated = dir.resolve("truncated.npz");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        e = assertThrows(IOException.class, () -> Npz.read(truncated));
        assertTrue(e.getMessage().startsWith(truncated + ": not a readable .npz"), e.getMessage());
    }
}
