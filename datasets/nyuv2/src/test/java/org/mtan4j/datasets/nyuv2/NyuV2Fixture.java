package org.mtan4j.datasets.nyuv2;

import static org.mtan4j.datasets.arrays.NpyFixtures.float32;
import static org.mtan4j.datasets.arrays.NpyFixtures.put;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a small copy of the published NYUv2 layout: {@code <root>/<split>/{image,label,depth,normal}/<i>.npy},
 * little-endian float32 C order, image (H, W, 3), label (H, W), depth (H, W, 1), normal (H, W, 3).
 * The files are written by {@link org.mtan4j.datasets.arrays.NpyFixtures}, independent of the reader
 * under test.
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
                put(dir.resolve("image"), i, float32(h, w, 3, image));
                put(dir.resolve("label"), i, float32(h, w, 0, label));
                put(dir.resolve("depth"), i, float32(h, w, 1, depth));
                put(dir.resolve("normal"), i, float32(h, w, 3, normal));
            }
        }
    }
}
