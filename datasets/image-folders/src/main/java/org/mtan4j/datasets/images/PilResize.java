package org.mtan4j.datasets.images;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Pillow's {@code Image.resize(..., BILINEAR)} for 8-bit RGB, which torchvision's {@code Resize}
 * calls on the PIL images the reference loader reads: a separable triangle filter whose support
 * widens with the downscaling factor (an antialiasing resize, unlike PyTorch's {@code interpolate}),
 * weights normalised per output pixel and turned into 22-bit fixed point, a horizontal pass, then a
 * vertical pass, each rounding and clipping to 0..255 (Pillow's libImaging/Resample.c).
 *
 * <p>Coefficients depend only on (input length, output length), so they are computed once per pair
 * and shared by all threads.
 */
public final class PilResize {

    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final ConcurrentHashMap<Long, Coeffs> CACHE = new ConcurrentHashMap<>();

    private PilResize() {
    }

    /** Per output position: first source index, number of sources, fixed-point weights ({@code ksize} each). */
    record Coeffs(int[] start, int[] count, int[] weights, int ksize) {
    }

    static Coeffs coeffs(int in, int out) {
        return CACHE.computeIfAbsent((long) in << 32 | out, k -> compute(in, out));
    }

    private static Coeffs compute(int in, int out) {
        double scale = (double) in / out;
        double filterscale = Math.max(scale, 1.0);
        double support = 1.0 * filterscale; // the bilinear (triangle) filter's support is 1
        int ksize = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[out];
        int[] count = new int[out];
        int[] weights = new int[out * ksize];
        double[] k = new double[ksize];
        for (int xx = 0; xx < out; xx++) {
            double center = (xx + 0.5) * scale;
            double ss = 1.0 / filterscale;
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xmax = Math.min((int) (center + support + 0.5), in) - xmin;
            double ww = 0;
            for (int x = 0; x < xmax; x++) {
                double t = Math.abs((x + xmin - center + 0.5) * ss);
                double w = t < 1.0 ? 1.0 - t : 0.0;
                k[x] = w;
                ww += w;
            }
            for (int x = 0; x < xmax; x++) {
                double w = ww != 0.0 ? k[x] / ww : k[x];
                weights[xx * ksize + x] = (int) (w < 0 ? -0.5 + w * (1 << PRECISION_BITS) : 0.5 + w * (1 << PRECISION_BITS));
            }
            start[xx] = xmin;
            count[xx] = xmax;
        }
        return new Coeffs(start, count, weights, ksize);
    }

    private static int clip8(int v) {
        int s = v >> PRECISION_BITS;
        return s < 0 ? 0 : Math.min(s, 255);
    }

    /**
     * Resizes interleaved RGB {@code src} (h, w, 3), values 0..255, to (outH, outW, 3). A pass whose
     * length does not change is skipped, as in Pillow.
     */
    public static int[] resize(int[] src, int h, int w, int outH, int outW) {
        int[] cur = src;
        if (outW != w) {
            Coeffs c = coeffs(w, outW);
            int[] dst = new int[h * outW * 3];
            for (int y = 0; y < h; y++) {
                int row = y * w * 3;
                for (int x = 0; x < outW; x++) {
                    int s0 = 1 << (PRECISION_BITS - 1);
                    int s1 = s0;
                    int s2 = s0;
                    int base = x * c.ksize();
                    for (int i = 0; i < c.count()[x]; i++) {
                        int wt = c.weights()[base + i];
                        int p = row + (c.start()[x] + i) * 3;
                        s0 += cur[p] * wt;
                        s1 += cur[p + 1] * wt;
                        s2 += cur[p + 2] * wt;
                    }
                    int o = (y * outW + x) * 3;
                    dst[o] = clip8(s0);
                    dst[o + 1] = clip8(s1);
                    dst[o + 2] = clip8(s2);
                }
            }
            cur = dst;
            w = outW;
        }
        if (outH != h) {
            Coeffs c = coeffs(h, outH);
            int[] dst = new int[outH * w * 3];
            for (int y = 0; y < outH; y++) {
                int base = y * c.ksize();
                for (int x = 0; x < w; x++) {
                    int s0 = 1 << (PRECISION_BITS - 1);
                    int s1 = s0;
                    int s2 = s0;
                    for (int i = 0; i < c.count()[y]; i++) {
                        int wt = c.weights()[base + i];
                        int p = ((c.start()[y] + i) * w + x) * 3;
                        s0 += cur[p] * wt;
                        s1 += cur[p + 1] * wt;
                        s2 += cur[p + 2] * wt;
                    }
                    int o = (y * w + x) * 3;
                    dst[o] = clip8(s0);
                    dst[o + 1] = clip8(s1);
                    dst[o + 2] = clip8(s2);
                }
            }
            cur = dst;
        }
        return cur;
    }
}
