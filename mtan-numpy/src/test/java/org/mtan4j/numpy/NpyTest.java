package org.mtan4j.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code .npy} reader and writer on files whose bytes the tests write themselves, following
 * numpy's format specification (magic, version, little-endian header length, Python-literal dict).
 */
class NpyTest {

    @TempDir
    Path dir;

    /** A .npy file by hand: preamble for {@code version}, the dict text padded to 64 bytes, the data. */
    static byte[] npy(int version, String dict, byte[] data) {
        int preamble = version == 1 ? 10 : 12;
        int total = preamble + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String text = dict + " ".repeat(padded - total) + "\n";
        byte[] t = text.getBytes(version == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        out.write(t.length & 0xFF);
        out.write(t.length >>> 8 & 0xFF);
        if (version > 1) {
            out.write(t.length >>> 16 & 0xFF);
            out.write(t.length >>> 24);
        }
        out.writeBytes(t);
        out.writeBytes(data);
        return out.toByteArray();
    }

    static String dict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
    }

    static byte[] floats(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static final float[] SIX = {1.5f, -2f, 3.25f, 0f, 1e-7f, 65504f};

    @Test
    void readsLittleEndianFloat32InAllThreeVersions() throws IOException {
        for (int version = 1; version <= 3; version++) {
            Path p = file("v" + version + ".npy", npy(version, dict("<f4", false, "(2, 3)"), floats(ByteOrder.LITTLE_ENDIAN, SIX)));
            NpyArray a = Npy.read(p);
            assertEquals(NpyDType.FLOAT32, a.dtype());
            assertArrayEquals(new int[] {2, 3}, a.shape());
            assertArrayEquals(SIX, a.data());
            assertEquals(p.toString(), a.source());
        }
    }

    @Test
    void convertsOtherTypesToFloat() throws IOException {
        ByteBuffer d = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).putDouble(-3);
        assertArrayEquals(new float[] {0.1f, -3f}, Npy.read(file("f8.npy", npy(1, dict("<f8", false, "(2,)"), d.array()))).data());
        ByteBuffer i = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(-1).putInt(12).putInt(70000);
        assertArrayEquals(new float[] {-1, 12, 70000}, Npy.read(file("i4.npy", npy(1, dict("<i4", false, "(3,)"), i.array()))).data());
        ByteBuffer l = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-7).putLong(1L << 40);
        assertArrayEquals(new float[] {-7, 1L << 40}, Npy.read(file("i8.npy", npy(1, dict("<i8", false, "(2,)"), l.array()))).data());
        ByteBuffer s = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) -2).putShort((short) 0xFFFF);
        assertArrayEquals(new float[] {-2, -1}, Npy.read(file("i2.npy", npy(1, dict("<i2", false, "(2,)"), s.array()))).data());
        assertArrayEquals(new float[] {2, 65535}, Npy.read(file("u2.npy", npy(1, dict("<u2", false, "(2,)"),
                new byte[] {2, 0, (byte) 0xFF, (byte) 0xFF}))).data());
        NpyArray u8 = Npy.read(file("u1.npy", npy(1, dict("|u1", false, "(1, 3)"), new byte[] {0, (byte) 200, (byte) 255})));
        assertEquals(NpyDType.UINT8, u8.dtype());
        assertArrayEquals(new float[] {0, 200, 255}, u8.data());
        assertArrayEquals(new float[] {-128, 5}, Npy.read(file("i1.npy", npy(1, dict("|i1", false, "(2,)"), new byte[] {-128, 5}))).data());
        assertArrayEquals(new float[] {1, 0, 1}, Npy.read(file("b1.npy", npy(1, dict("|b1", false, "(3,)"), new byte[] {1, 0, 1}))).data());
    }

    @Test
    void acceptsScalarsEmptyArraysPythonTwoLongsAndDoubleQuotes() throws IOException {
        NpyArray scalar = Npy.read(file("s.npy", npy(1, dict("<f4", false, "()"), floats(ByteOrder.LITTLE_ENDIAN, 7f))));
        assertArrayEquals(new int[0], scalar.shape());
        assertArrayEquals(new float[] {7f}, scalar.data());
        NpyArray empty = Npy.read(file("e.npy", npy(1, dict("<f4", false, "(0, 4)"), new byte[0])));
        assertEquals(0, empty.data().length);
        // numpy under Python 2 wrote longs with an L suffix.
        NpyArray py2 = Npy.read(file("l.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2L, 1L), }",
                floats(ByteOrder.LITTLE_ENDIAN, 1f, 2f))));
        assertArrayEquals(new int[] {2, 1}, py2.shape());
        NpyArray dq = Npy.read(file("q.npy", npy(1, "{\"shape\": (1,), \"fortran_order\": False, \"descr\": \"<f4\"}",
                floats(ByteOrder.LITTLE_ENDIAN, 3f))));
        assertArrayEquals(new float[] {3f}, dq.data());
    }

    @Test
    void refusesBigEndianNamingTheFileButConvertsOnRequest() throws IOException {
        Path p = file("big.npy", npy(1, dict(">f4", false, "(2, 3)"), floats(ByteOrder.BIG_ENDIAN, SIX)));
        IOException e = assertThrows(IOException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("big-endian") && e.getMessage().contains(">f4"), e.getMessage());
        assertArrayEquals(SIX, Npy.readConverting(p).data());
        ByteBuffer d = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putInt(-5).putInt(9);
        assertArrayEquals(new float[] {-5, 9}, Npy.readConverting(file("bi4.npy", npy(1, dict(">i4", false, "(2,)"), d.array()))).data());
    }

    @Test
    void refusesFortranOrderButTransposesOnRequest() throws IOException {
        // C-order (2, 3) array [[1, 2, 3], [4, 5, 6]] stored column-major: 1 4 2 5 3 6.
        Path p = file("f.npy", npy(1, dict("<f4", true, "(2, 3)"), floats(ByteOrder.LITTLE_ENDIAN, 1, 4, 2, 5, 3, 6)));
        IOException e = assertThrows(IOException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()) && e.getMessage().contains("Fortran"), e.getMessage());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, Npy.readConverting(p).data());
        // Rank 3: element (i, j, k) of shape (2, 2, 2) sits at i + 2j + 4k in Fortran order.
        float[] f = new float[8];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    f[i + 2 * j + 4 * k] = 100 * i + 10 * j + k;
                }
            }
        }
        NpyArray c = Npy.readConverting(file("f3.npy", npy(1, dict("<f4", true, "(2, 2, 2)"), floats(ByteOrder.LITTLE_ENDIAN, f))));
        assertArrayEquals(new float[] {0, 1, 10, 11, 100, 101, 110, 111}, c.data());
        // A 1-D array is the same in both orders: no reason to refuse it.
        assertArrayEquals(new float[] {1, 2}, Npy.read(file("f1.npy", npy(1, dict("<f4", true, "(2,)"),
                floats(ByteOrder.LITTLE_ENDIAN, 1, 2)))).data());
    }

    @Test
    void refusesTruncatedAndOverlongFiles() throws IOException {
        byte[] whole = npy(1, dict("<f4", false, "(2, 3)"), floats(ByteOrder.LITTLE_ENDIAN, SIX));
        Path shortData = file("short.npy", java.util.Arrays.copyOf(whole, whole.length - 3));
        assertMessage(shortData, "truncated", () -> Npy.read(shortData));
        Path shortHeader = file("head.npy", java.util.Arrays.copyOf(whole, 30));
        assertMessage(shortHeader, "truncated", () -> Npy.read(shortHeader));
        Path tiny = file("tiny.npy", new byte[] {(byte) 0x93, 'N', 'U'});
        assertMessage(tiny, "truncated", () -> Npy.read(tiny));
        Path longer = file("long.npy", java.util.Arrays.copyOf(whole, whole.length + 4));
        assertMessage(longer, "4 unexpected bytes", () -> Npy.read(longer));
        Path empty = file("empty.npy", new byte[0]);
        assertMessage(empty, "truncated", () -> Npy.read(empty));
    }

    @Test
    void checksTheCallersDtypeAndShapeBeforeDecoding() throws IOException {
        Path p = file("d.npy", npy(1, dict("<f8", false, "(2, 3)"), new byte[48]));
        assertMessage(p, "dtype is '<f8', expected '<f4'", () -> Npy.read(p, NpyDType.FLOAT32, null, null));
        Path q = file("s.npy", npy(1, dict("<f4", false, "(2, 3)"), floats(ByteOrder.LITTLE_ENDIAN, SIX)));
        assertMessage(q, "shape is (2, 3), expected (3, 2)", () -> Npy.read(q, NpyDType.FLOAT32, new int[] {3, 2}, null));
        assertMessage(q, "shape is (2, 3), expected (2, 3, 1)", () -> Npy.read(q, null, new int[] {2, 3, 1}, null));
        float[] reuse = new float[6];
        NpyArray a = Npy.read(q, NpyDType.FLOAT32, new int[] {2, -1}, reuse);
        assertTrue(a.data() == reuse, "the caller's buffer is reused");
        assertArrayEquals(SIX, reuse);
    }

    @Test
    void refusesHeadersThatDoNotParseOrSayTheWrongThing() throws IOException {
        byte[] data = floats(ByteOrder.LITTLE_ENDIAN, 1, 2);
        assertBadHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2,) ", data, "does not parse");
        assertBadHeader("{'descr': '<f4', 'fortran_order': Maybe, 'shape': (2,), }", data, "does not parse");
        assertBadHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2), }", data, "1-tuple");
        assertBadHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (-2,), }", data, "does not parse");
        assertBadHeader("{'descr': '<f4', 'shape': (2,), }", data, "exactly the keys");
        assertBadHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': True}", data, "exactly the keys");
        assertBadHeader("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }", data, "structured");
        assertBadHeader(dict("<c8", false, "(1,)"), data, "unsupported dtype '<c8'");
        assertBadHeader(dict("=f4", false, "(2,)"), data, "native byte order");
        assertBadHeader(dict("|f4", false, "(2,)"), data, "no byte order");
        assertBadHeader(dict("<f4", false, "(2,)") + " junk", data, "does not parse");
        Path magic = file("magic.npy", "not numpy at all, really".getBytes(StandardCharsets.US_ASCII));
        assertMessage(magic, "not a .npy file", () -> Npy.read(magic));
        byte[] v4 = npy(1, dict("<f4", false, "(2,)"), data);
        v4[6] = 4;
        Path version = file("v4.npy", v4);
        assertMessage(version, "unsupported .npy format version 4.0", () -> Npy.read(version));
    }

    private void assertBadHeader(String dict, byte[] data, String expected) throws IOException {
        Path p = file("bad.npy", npy(1, dict, data));
        assertMessage(p, expected, () -> Npy.read(p));
    }

    private static void assertMessage(Path file, String expected, org.junit.jupiter.api.function.Executable action) {
        IOException e = assertThrows(IOException.class, action);
        assertTrue(e.getMessage().startsWith(file.toString() + ":"), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "says '" + expected + "': " + e.getMessage());
    }

    @Test
    void writesExactlyWhatNumpyWrites() throws IOException {
        // numpy 1.x/2.x: version 1.0, dict + spaces + newline padded so the data start at a multiple of 64.
        byte[] expected = npy(1, dict("<f4", false, "(2, 3)"), floats(ByteOrder.LITTLE_ENDIAN, SIX));
        assertArrayEquals(expected, Npy.encode(SIX, 2, 3));
        assertArrayEquals(npy(1, dict("<f4", false, "(6,)"), floats(ByteOrder.LITTLE_ENDIAN, SIX)), Npy.encode(SIX, 6));
        assertArrayEquals(npy(1, dict("<f4", false, "()"), floats(ByteOrder.LITTLE_ENDIAN, 2f)), Npy.encode(new float[] {2f}));
        Path p = dir.resolve("w.npy");
        Npy.write(p, SIX, 3, 2);
        NpyArray back = Npy.read(p);
        assertArrayEquals(new int[] {3, 2}, back.shape());
        assertArrayEquals(SIX, back.data());
        assertThrows(IllegalArgumentException.class, () -> Npy.encode(SIX, 4, 2));
    }

    @Test
    void readsTheHeaderAlone() throws IOException {
        Path p = file("h.npy", npy(2, dict("<i8", false, "(1, 2)"), new byte[16]));
        NpyHeader h = Npy.readHeader(p);
        assertEquals(2, h.version());
        assertEquals(NpyDType.INT64, h.dtype());
        assertArrayEquals(new int[] {1, 2}, h.shape());
        assertEquals("<i8", h.descr());
    }

    @Test
    void checkFindsWhatReadWouldRefuseFromTheHeaderAndLengthAlone() throws IOException {
        byte[] whole = npy(1, dict("<f4", false, "(2, 3)"), floats(ByteOrder.LITTLE_ENDIAN, SIX));
        Path good = file("good.npy", whole);
        assertArrayEquals(new int[] {2, 3}, Npy.check(good, NpyDType.FLOAT32, new int[] {2, 3}).shape());
        // A header longer than the first read (4096 bytes) is read whole.
        Path padded = file("padded.npy", npy(2, dict("<f4", false, "(2, 3)") + " ".repeat(5000), floats(ByteOrder.LITTLE_ENDIAN, SIX)));
        assertArrayEquals(new int[] {2, 3}, Npy.check(padded, NpyDType.FLOAT32, null).shape());
        Path shortData = file("short.npy", java.util.Arrays.copyOf(whole, whole.length - 3));
        assertMessage(shortData, "truncated", () -> Npy.check(shortData, null, null));
        Path longer = file("long.npy", java.util.Arrays.copyOf(whole, whole.length + 4));
        assertMessage(longer, "4 unexpected bytes", () -> Npy.check(longer, null, null));
        Path shortHeader = file("head.npy", java.util.Arrays.copyOf(whole, 30));
        assertMessage(shortHeader, "truncated", () -> Npy.check(shortHeader, null, null));
        assertMessage(good, "shape is (2, 3), expected (3, 2)", () -> Npy.check(good, NpyDType.FLOAT32, new int[] {3, 2}));
        assertMessage(good, "dtype is '<f4', expected '<f8'", () -> Npy.check(good, NpyDType.FLOAT64, null));
        Path big = file("big.npy", npy(1, dict(">f4", false, "(2, 3)"), floats(ByteOrder.BIG_ENDIAN, SIX)));
        assertMessage(big, "big-endian", () -> Npy.check(big, null, null));
        Path folder = Files.createDirectory(dir.resolve("folder.npy"));
        assertMessage(folder, "a folder", () -> Npy.check(folder, null, null));
    }

    @Test
    void namesAMissingFile() {
        Path p = dir.resolve("absent.npy");
        assertMessage(p, "no such file", () -> Npy.read(p));
    }
}
