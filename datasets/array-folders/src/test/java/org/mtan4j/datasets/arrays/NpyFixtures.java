package org.mtan4j.datasets.arrays;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code .npy} files for the datasets' test fixtures. The header bytes are written here by hand,
 * following numpy's format, so the fixtures do not depend on the reader under test.
 */
public final class NpyFixtures {

    private NpyFixtures() {
    }

    /** A version 1.0 .npy file with the given descr ({@code <f4}, {@code >f4}, {@code <f8}), order and shape. */
    public static byte[] npy(String descr, boolean fortran, String shape, float[] values) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        byte[] text = (dict + " ".repeat(padded - total) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteOrder order = descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        boolean f8 = descr.endsWith("f8");
        ByteBuffer data = ByteBuffer.allocate(values.length * (f8 ? 8 : 4)).order(order);
        for (float v : values) {
            if (f8) {
                data.putDouble(v);
            } else {
                data.putFloat(v);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) text.length, (byte) (text.length >>> 8)});
        out.writeBytes(text);
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    /** A little-endian float32 C-order array of shape {@code (h, w)}, or {@code (h, w, channels)} when channels is positive. */
    public static byte[] float32(int h, int w, int channels, float[] values) {
        return npy("<f4", false, channels == 0 ? "(" + h + ", " + w + ")" : "(" + h + ", " + w + ", " + channels + ")", values);
    }

    /** Writes {@code bytes} as {@code <dir>/<index>.npy}, creating the folder. */
    public static void put(Path dir, int index, byte[] bytes) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(index + ".npy"), bytes);
    }

    /** Reads back the float32 payload of a little-endian file written by {@link #npy}. */
    public static float[] payload(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int header = 10 + ((b[8] & 0xFF) | (b[9] & 0xFF) << 8);
        float[] out = new float[(b.length - header) / 4];
        ByteBuffer.wrap(b, header, b.length - header).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
