package org.mtan4j.datasets.cityscapes;

import static org.mtan4j.datasets.arrays.NpyFixtures.float32;
import static org.mtan4j.datasets.arrays.NpyFixtures.put;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a small copy of the published CityScapes layout:
 * {@code <root>/<split>/{image,label_2,label_7,label_19,depth}/<i>.npy}, little-endian float32, C order
 * ({@link org.mtan4j.datasets.arrays.NpyFixtures}).
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
                put(root.resolve(split).resolve("image"), i, float32(h, w, 3, image));
                for (int classes : new int[] {2, 7, 19}) {
                    float[] label = new float[h * w];
                    for (int p = 0; p < label.length; p++) {
                        label[p] = r.nextInt(classes + 1) - 1;
                    }
                    put(root.resolve(split).resolve("label_" + classes), i, float32(h, w, 0, label));
                }
                float[] depth = new float[h * w];
                for (int p = 0; p < depth.length; p++) {
                    depth[p] = r.nextInt(8) == 0 ? 0f : (float) r.nextDouble() * 0.2f;
                }
                put(root.resolve(split).resolve("depth"), i, float32(h, w, 1, depth));
            }
        }
    }
}
