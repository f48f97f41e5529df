package org.mtan4j.datasets.nyuv2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a small copy of the published NYUv2 layout: {@code <root>/<split>/{image,label,depth,normal}/<i>.npy},
 * little-endian float32 C order, image (H, W, 3), label (H, W), depth (H, W, 1), normal (H, W, 3).
 * The header bytes are written here by hand, following numpy's format, so the fixtures do not
 * depend on the writer under test.
 */
final class NyuV2Fixture {

    /** The constant unit normal of fixtures written with {@code constantNormals}. */
    static final float[] NORMAL = {0.6f, 0f, 0.8f};

    private NyuV2Fixture() {
    }

    /**
     * Writes {@code train} and {@code val} samples of size {@code h x w}. Images, labels (0..12 and
     * -1) and depths (some 0) are random per pixel; depth is also unique per pixel (its integer part
     * is {@code 1 + y * w + x}); normals are {@link #NORMAL} everywhere, or else a random unit vector
     * per pixel with some zeros.
     */
    static void write(Path root, int h, int w, int train, int val, boolean constantNormals) throws IOException {
        SplittableRandom r = new SplittableRandom(42);
        for (String split : new String[] {"train", "val"}) {
            int n = split.equals("train") ? train : val;
            for (String f : new String[] {"image", "label", "depth", "normal"}) {
                Files.createDirectories(root.resolve(split).resolve(f));
            }
            for (int i = 0; i < n; i++) {
                float[] image = new float[h * w * 3];
                float[] label = new float[h * w];
                float[] depth = new float[h * w];
                float[] normal = new float[h * w * 3];
                for (int p = 0; p < h * w; p++) {
                    for (int c = 0; c < 3; c++) {
                        image[p * 3 + c] = (float) r.nextDouble();
                    }
                    label[p] = r.nextInt(14) - 1;
                    depth[p] = r.nextInt(10) == 0 ? 0f : 1 + p + (float) r.nextDouble() * 0.5f;
                    if (constantNormals) {
                        System.arraycopy(NORMAL, 0, normal, p * 3, 3);
                    } else if (r.nextInt(10) != 0) {
                        double x = r.nextDouble() - 0.5;
                        double y = r.nextDouble() - 0.5;
                        double z = r.nextDouble() + 0.1;
                        double norm = Math.sqrt(x * x + y * y + z * z);
                        normal[p * 3] = (float) (x / norm);
                        normal[p * 3 + 1] = (float) (y / norm);
                        normal[p * 3 + 2] = (float) (z / norm);
                    }
                }
                Path dir = root.resolve(split);
                Files.write(dir.resolve("image/" + i + ".npy"), npy("<f4", false, "(" + h + ", " + w + ", 3)", image));
                Files.write(dir.resolve("label/" + i + ".npy"), npy("<f4", false, "(" + h + ", " + w + ")", label));
                Files.write(dir.resolve("depth/" + i + ".npy"), npy("<f4", false, "(" + h + ", " + w + ", 1)", depth));
                Files.write(dir.resolve("normal/" + i + ".npy"), npy("<f4", false, "(" + h + ", " + w + ", 3)", normal));
            }
        }
    }

    /** A version 1.0 .npy file with the given descr ({@code <f4}, {@code >f4}, {@code <f8}), order and shape. */
    static byte[] npy(String descr, boolean fortran, String shape, float[] values) {
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

    /** Reads back the float32 payload of a fixture file written by {@link #npy} (little-endian). */
    static float[] payload(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int header = 10 + ((b[8] & 0xFF) | (b[9] & 0xFF) << 8);
        float[] out = new float[(b.length - header) / 4];
        ByteBuffer.wrap(b, header, b.length - header).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
