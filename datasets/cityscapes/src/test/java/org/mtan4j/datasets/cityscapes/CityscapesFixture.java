package org.mtan4j.datasets.cityscapes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a small copy of the published CityScapes layout:
 * {@code <root>/<split>/{image,label_2,label_7,label_19,depth}/<i>.npy}, little-endian float32, C order;
 * headers written by hand following numpy's format.
 */
final class CityscapesFixture {

    private CityscapesFixture() {
    }

    static void write(Path root, int h, int w, int train, int val) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        for (String split : new String[] {"train", "val"}) {
            int n = split.equals("train") ? train : val;
            for (int i = 0; i < n; i++) {
                float[] image = new float[h * w * 3];
                for (int p = 0; p < image.length; p++) {
                    image[p] = (float) r.nextDouble();
                }
                put(root.resolve(split).resolve("image"), i, npy("<f4", false, "(" + h + ", " + w + ", 3)", image));
                for (int classes : new int[] {2, 7, 19}) {
                    float[] label = new float[h * w];
                    for (int p = 0; p < label.length; p++) {
                        label[p] = r.nextInt(classes + 1) - 1;
                    }
                    put(root.resolve(split).resolve("label_" + classes), i, npy("<f4", false, "(" + h + ", " + w + ")", label));
                }
                float[] depth = new float[h * w];
                for (int p = 0; p < depth.length; p++) {
                    depth[p] = r.nextInt(8) == 0 ? 0f : (float) r.nextDouble() * 0.2f;
                }
                put(root.resolve(split).resolve("depth"), i, npy("<f4", false, "(" + h + ", " + w + ", 1)", depth));
            }
        }
    }

    private static void put(Path dir, int i, byte[] bytes) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(i + ".npy"), bytes);
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

    /** The float32 payload of a little-endian fixture file. */
    static float[] payload(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int header = 10 + ((b[8] & 0xFF) | (b[9] & 0xFF) << 8);
        float[] out = new float[(b.length - header) / 4];
        ByteBuffer.wrap(b, header, b.length - header).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
