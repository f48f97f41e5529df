package org.mtan4j.runtime.predict;

import java.awt.image.BufferedImage;

/** Pictures of predictions: a class palette, a depth colour map, RGB-encoded normals. */
public final class Visualisations {

    /** Viridis sampled at 0, 1/4, 1/2, 3/4 and 1; linear in between (close to matplotlib's viridis). */
    private static final int[][] VIRIDIS = {
        {0x44, 0x01, 0x54}, {0x3b, 0x52, 0x8b}, {0x21, 0x91, 0x8c}, {0x5e, 0xc9, 0x62}, {0xfd, 0xe7, 0x25},
    };

    private Visualisations() {
    }

    /**
     * The colour of class {@code index} as {@code 0xRRGGBB}: PASCAL VOC's palette (the index's bits
     * spread over the three channels' high bits), so class 0 is black and the first classes are far
     * apart; distinct for the first 256 indices.
     */
    public static int classColour(int index) {
        int r = 0;
        int g = 0;
        int b = 0;
        int c = index;
        for (int j = 0; j < 8; j++) {
            r |= ((c >> 0) & 1) << (7 - j);
            g |= ((c >> 1) & 1) << (7 - j);
            b |= ((c >> 2) & 1) << (7 - j);
            c >>= 3;
        }
        return (r << 16) | (g << 8) | b;
    }

    /** A class index map {@code (h, w)} in {@link #classColour} colours. */
    public static BufferedImage classes(float[] indices, int h, int w) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, classColour((int) indices[y * w + x]));
            }
        }
        return image;
    }

    /**
     * A depth map {@code (h, w)}: its own minimum to maximum through the viridis-like map (a constant map
     * is drawn in the lowest colour; non-finite values as black).
     */
    public static BufferedImage depth(float[] depth, int h, int w) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float d : depth) {
            if (Float.isFinite(d)) {
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
        }
        float range = max > min ? max - min : 1f;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float d = depth[y * w + x];
                image.setRGB(x, y, Float.isFinite(d) ? viridis((d - min) / range) : 0);
            }
        }
        return image;
    }

    /** The colour map at {@code t} in [0, 1], as {@code 0xRRGGBB}. */
    static int viridis(float t) {
        float s = Math.max(0f, Math.min(1f, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) s, VIRIDIS.length - 2);
        float f = s - i;
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
            int v = Math.round(VIRIDIS[i][c] * (1 - f) + VIRIDIS[i + 1][c] * f);
            rgb = (rgb << 8) | v;
        }
        return rgb;
    }

    /** Normals {@code (h, w, 3)} as colours: each component {@code n} becomes {@code round(255 (n + 1) / 2)}. */
    public static BufferedImage normals(float[] hwc, int h, int w) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    rgb = (rgb << 8) | encode(hwc[(y * w + x) * 3 + c]);
                }
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** One normal component in [-1, 1] as a byte value. */
    public static int encode(float n) {
        float v = Float.isFinite(n) ? Math.max(-1f, Math.min(1f, n)) : 0f;
        return Math.round((v + 1f) / 2f * 255f);
    }
}
