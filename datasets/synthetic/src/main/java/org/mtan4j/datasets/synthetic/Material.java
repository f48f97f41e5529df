package org.mtan4j.datasets.synthetic;

import java.util.SplittableRandom;

/**
 * A surface's albedo as a procedural texture of its local coordinates. Each class has its own
 * factory with a characteristic palette and pattern (wood planks for floors, drawer lines for
 * furniture, fine fabric noise for sofas ...) and per-object variation, so that segmentation is
 * learnable from colour and texture and not only from shape.
 *
 * <p>Immutable; {@link #albedo} is a pure function and safe to call from several threads.
 */
final class Material {

    /** The procedural patterns; each reads the texture coordinates its surfaces provide. */
    enum Pattern {
        /** Base colour with faint noise. */
        PLAIN,
        /** Base colour with soft low-frequency shading (walls, ceilings). */
        SMOOTH,
        /** Wooden planks with seams and grain along x or z (floors; world x, z). */
        PLANKS,
        /** Square tiles with grout lines (floors; world x, z). */
        TILES,
        /** Horizontal drawer or door lines every {@code param} metres of local y (furniture). */
        DRAWERS,
        /** Stripes of two colours {@code param} metres wide along local x (bed linen). */
        STRIPES,
        /** Wood grain lines along local x (tables, chairs). */
        GRAIN,
        /** Fine, high-contrast woven noise (sofas). */
        FABRIC,
        /** Colourful blotches inside a frame; decal coordinates u, v in [0, 1] (paintings). */
        BLOTCH,
        /** Emissive sky behind a window frame with a mullion and a transom; decal u, v. */
        WINDOW,
        /** A dark screen with a faint reflection (TVs). */
        SCREEN,
        /** A row of book spines {@code param} metres wide along local x, each its own colour. */
        BOOKS
    }

    private final Pattern pattern;
    private final float[][] colors;
    private final double param;
    private final int seed;

    private Material(Pattern pattern, double param, int seed, float[]... colors) {
        this.pattern = pattern;
        this.colors = colors;
        this.param = param;
        this.seed = seed;
    }

    /** Whether the surface emits its albedo instead of reflecting the scene's light (windows). */
    boolean emissive() {
        return pattern == Pattern.WINDOW;
    }

    /** Writes the albedo (r, g, b) at texture coordinates (x, y, z) into {@code out}. */
    void albedo(double x, double y, double z, float[] out) {
        float[] base = colors[0];
        double f;
        switch (pattern) {
            case PLAIN:
                f = 1 + 0.08 * (Noise.value(seed, x * 3, y * 3, z * 3) - 0.5);
                break;
            case SMOOTH:
                f = 1 + 0.14 * (Noise.value(seed, x * 0.7, y * 0.7, z * 0.7) - 0.5)
                        + 0.05 * (Noise.value(seed + 1, x * 6, y * 6, z * 6) - 0.5);
                break;
            case PLANKS:
                f = planks((seed & 1) == 0 ? x : z, (seed & 1) == 0 ? z : x);
                break;
            case TILES: {
                double tx = x / param;
                double tz = z / param;
                if (Noise.frac(tx) < 0.04 || Noise.frac(tz) < 0.04) {
                    set(out, colors[1], 1);
                    return;
                }
                f = 0.93 + 0.14 * Noise.unit(seed, (int) Math.floor(tx), (int) Math.floor(tz), 0)
                        + 0.06 * (Noise.value(seed + 1, x * 5, 0, z * 5) - 0.5);
                break;
            }
            case DRAWERS:
                f = Noise.frac(y / param) < 0.05 ? 0.5 : 1 + 0.08 * (Noise.value(seed, x * 4, y * 4, z * 4) - 0.5);
                break;
            case STRIPES: {
                boolean odd = (((int) Math.floor(x / param + 1000)) & 1) == 1;
                set(out, odd ? colors[1] : base, 1 + 0.06 * (Noise.value(seed, x * 5, y * 5, z * 5) - 0.5));
                return;
            }
            case GRAIN:
                f = 1 + 0.1 * Math.sin(x * 60 + 8 * Noise.value(seed, x * 1.5, y * 6, z * 6));
                break;
            case FABRIC:
                f = 0.82 + 0.36 * Noise.value(seed, x * 90, y * 90, z * 90);
                break;
            case BLOTCH:
                blotch(x, y, out);
                return;
            case WINDOW:
                window(x, y, out);
                return;
            case SCREEN:
                f = 1 + 1.5 * Noise.value(seed, x * 2, y * 2, z * 2);
                break;
            case BOOKS:
                spine(x, y, out);
                return;
            default:
                throw new AssertionError(pattern);
        }
        set(out, base, f);
    }

    private double planks(double along, double across) {
        double width = param;
        int row = (int) Math.floor(across / width);
        double shifted = along + 2.5 * Noise.unit(seed, row, 0, 0);
        double length = 1.3;
        int column = (int) Math.floor(shifted / length);
        if (Noise.frac(across / width) < 0.06 || Noise.frac(shifted / length) < 0.012) {
            return 0.55;
        }
        return 0.86 + 0.28 * Noise.unit(seed, row, column, 1)
                + 0.16 * (Noise.value(seed + 2, shifted * 2.5, across * 30, 0) - 0.5);
    }

    private void blotch(double u, double v, float[] out) {
        double frame = param;
        if (u < frame || u > 1 - frame || v < frame || v > 1 - frame) {
            set(out, colors[1], 1);
            return;
        }
        double n = Noise.value(seed, u * 5, v * 5, 0.5) + 0.35 * Noise.value(seed + 3, u * 13, v * 13, 0.5);
        float[] c = n < 0.55 ? colors[0] : n < 0.8 ? colors[2] : colors[3];
        set(out, c, 0.9 + 0.2 * Noise.value(seed + 5, u * 40, v * 40, 0.5));
    }

    private void spine(double x, double y, float[] out) {
        double position = x / param;
        if (Noise.frac(position) < 0.1) {
            set(out, colors[0], 1); // the dark gap between two books
            return;
        }
        int book = (int) Math.floor(position);
        float[] c = hsv(Noise.unit(seed, book, 0, 0), 0.45 + 0.45 * Noise.unit(seed, book, 1, 0),
                0.3 + 0.55 * Noise.unit(seed, book, 2, 0));
        // A light band across some spines, as titles and labels have.
        boolean band = Noise.unit(seed, book, 3, 0) < 0.5 && Math.abs(y - 0.3 * (Noise.unit(seed, book, 4, 0) - 0.5)) < 0.015;
        set(out, band ? colors[1] : c, 1);
    }

    private void window(double u, double v, float[] out) {
        boolean bar = u < 0.05 || u > 0.95 || v < 0.05 || v > 0.95 || Math.abs(u - 0.5) < 0.025 || Math.abs(v - 0.62) < 0.025;
        if (bar) {
            set(out, colors[1], 1);
            return;
        }
        set(out, colors[0], 0.8 + 0.25 * v + 0.15 * (Noise.value(seed, u * 4, v * 3, 0.5) - 0.5));
    }

    private static void set(float[] out, float[] c, double f) {
        out[0] = (float) (c[0] * f);
        out[1] = (float) (c[1] * f);
        out[2] = (float) (c[2] * f);
    }

    // ---- factories, one per class: palette + pattern + per-object variation ----

    static Material bed(SplittableRandom rnd) {
        float[] base = jitter(rnd, pick(rnd, new float[][] {
            {0.90f, 0.88f, 0.84f}, {0.74f, 0.80f, 0.92f}, {0.92f, 0.80f, 0.80f}, {0.80f, 0.86f, 0.76f}}), 0.06);
        float[] second = scale(base, 0.72 + 0.1 * rnd.nextDouble());
        return new Material(Pattern.STRIPES, 0.08 + 0.1 * rnd.nextDouble(), rnd.nextInt(), base, second);
    }

    static Material pillow(SplittableRandom rnd) {
        return new Material(Pattern.PLAIN, 0, rnd.nextInt(), jitter(rnd, new float[] {0.95f, 0.95f, 0.93f}, 0.03));
    }

    static Material headboard(SplittableRandom rnd) {
        return new Material(Pattern.GRAIN, 0, rnd.nextInt(), jitter(rnd, pick(rnd, new float[][] {
            {0.45f, 0.30f, 0.18f}, {0.30f, 0.22f, 0.16f}, {0.80f, 0.78f, 0.74f}}), 0.08));
    }

    static Material book(SplittableRandom rnd) {
        return new Material(Pattern.PLAIN, 0, rnd.nextInt(),
                hsv(rnd.nextDouble(), 0.5 + 0.4 * rnd.nextDouble(), 0.35 + 0.5 * rnd.nextDouble()));
    }

    static Material bookRow(SplittableRandom rnd) {
        return new Material(Pattern.BOOKS, 0.025 + 0.025 * rnd.nextDouble(), rnd.nextInt(),
                new float[] {0.08f, 0.07f, 0.06f}, new float[] {0.92f, 0.88f, 0.75f});
    }

    static Material ceiling(SplittableRandom rnd) {
        return new Material(Pattern.SMOOTH, 0, rnd.nextInt(), jitter(rnd, new float[] {0.95f, 0.95f, 0.93f}, 0.03));
    }

    static Material chair(SplittableRandom rnd) {
        float[] base = jitter(rnd, pick(rnd, new float[][] {
            {0.30f, 0.18f, 0.10f}, {0.86f, 0.86f, 0.83f}, {0.92f, 0.52f, 0.16f}, {0.16f, 0.55f, 0.60f}, {0.18f, 0.18f, 0.20f}}), 0.08);
        // Painted or plastic (plain), unlike the grained wood of tables.
        return new Material(Pattern.PLAIN, 0, rnd.nextInt(), base);
    }

    static Material floor(SplittableRandom rnd) {
        if (rnd.nextDouble() < 0.7) {
            float[] wood = jitter(rnd, pick(rnd, new float[][] {
                {0.58f, 0.39f, 0.21f}, {0.70f, 0.53f, 0.33f}, {0.46f, 0.28f, 0.16f}}), 0.07);
            return new Material(Pattern.PLANKS, 0.13 + 0.07 * rnd.nextDouble(), rnd.nextInt(), wood);
        }
        float[] tile = jitter(rnd, pick(rnd, new float[][] {
            {0.66f, 0.66f, 0.64f}, {0.76f, 0.71f, 0.62f}, {0.55f, 0.52f, 0.50f}}), 0.05);
        return new Material(Pattern.TILES, 0.3 + 0.3 * rnd.nextDouble(), rnd.nextInt(), tile, scale(tile, 0.55));
    }

    static Material furniture(SplittableRandom rnd) {
        float[] base = jitter(rnd, pick(rnd, new float[][] {
            {0.55f, 0.41f, 0.29f}, {0.86f, 0.85f, 0.81f}, {0.34f, 0.27f, 0.21f}, {0.58f, 0.58f, 0.61f}, {0.70f, 0.60f, 0.45f}}), 0.07);
        return new Material(Pattern.DRAWERS, 0.2 + 0.15 * rnd.nextDouble(), rnd.nextInt(), base);
    }

    static Material object(SplittableRandom rnd) {
        return new Material(Pattern.PLAIN, 0, rnd.nextInt(),
                hsv(rnd.nextDouble(), 0.6 + 0.4 * rnd.nextDouble(), 0.5 + 0.45 * rnd.nextDouble()));
    }

    static Material plant(SplittableRandom rnd) {
        return new Material(Pattern.FABRIC, 0, rnd.nextInt(),
                hsv(0.22 + 0.14 * rnd.nextDouble(), 0.55 + 0.3 * rnd.nextDouble(), 0.3 + 0.25 * rnd.nextDouble()));
    }

    static Material painting(SplittableRandom rnd) {
        float[] frame = jitter(rnd, pick(rnd, new float[][] {
            {0.30f, 0.19f, 0.10f}, {0.72f, 0.60f, 0.30f}, {0.08f, 0.08f, 0.08f}, {0.92f, 0.92f, 0.90f}}), 0.05);
        double hue = rnd.nextDouble();
        return new Material(Pattern.BLOTCH, 0.04 + 0.05 * rnd.nextDouble(), rnd.nextInt(),
                hsv(hue, 0.5 + 0.5 * rnd.nextDouble(), 0.4 + 0.5 * rnd.nextDouble()), frame,
                hsv(hue + 0.3 + 0.4 * rnd.nextDouble(), 0.6 + 0.4 * rnd.nextDouble(), 0.5 + 0.5 * rnd.nextDouble()),
                hsv(rnd.nextDouble(), 0.3 + 0.7 * rnd.nextDouble(), 0.2 + 0.8 * rnd.nextDouble()));
    }

    static Material sofa(SplittableRandom rnd) {
        float[] base = jitter(rnd, pick(rnd, new float[][] {
            {0.48f, 0.13f, 0.13f}, {0.36f, 0.36f, 0.40f}, {0.20f, 0.27f, 0.48f}, {0.52f, 0.46f, 0.36f}, {0.25f, 0.40f, 0.28f}}), 0.08);
        return new Material(Pattern.FABRIC, 0, rnd.nextInt(), base);
    }

    static Material table(SplittableRandom rnd) {
        float[] base = jitter(rnd, pick(rnd, new float[][] {
            {0.42f, 0.26f, 0.14f}, {0.74f, 0.60f, 0.42f}, {0.26f, 0.20f, 0.18f}, {0.90f, 0.90f, 0.88f}}), 0.07);
        return new Material(Pattern.GRAIN, 0, rnd.nextInt(), base);
    }

    static Material tv(SplittableRandom rnd) {
        return new Material(Pattern.SCREEN, 0, rnd.nextInt(), jitter(rnd, new float[] {0.04f, 0.045f, 0.055f}, 0.1));
    }

    static Material wall(SplittableRandom rnd) {
        float[] base = jitter(rnd, pick(rnd, new float[][] {
            {0.86f, 0.82f, 0.74f}, {0.78f, 0.83f, 0.86f}, {0.88f, 0.86f, 0.85f}, {0.77f, 0.84f, 0.74f}, {0.90f, 0.78f, 0.68f}}), 0.04);
        return new Material(Pattern.SMOOTH, 0, rnd.nextInt(), base);
    }

    static Material window(SplittableRandom rnd) {
        float[] sky = jitter(rnd, new float[] {0.66f, 0.80f, 0.98f}, 0.06);
        return new Material(Pattern.WINDOW, 0, rnd.nextInt(), sky, jitter(rnd, new float[] {0.93f, 0.93f, 0.91f}, 0.03));
    }

    // ---- colour helpers ----

    private static float[] pick(SplittableRandom rnd, float[][] palette) {
        return palette[rnd.nextInt(palette.length)];
    }

    /** Per-object variation: a brightness factor and a small per-channel tint, each of relative size {@code amount}. */
    private static float[] jitter(SplittableRandom rnd, float[] c, double amount) {
        double brightness = 1 + amount * (2 * rnd.nextDouble() - 1);
        float[] out = new float[3];
        for (int i = 0; i < 3; i++) {
            out[i] = (float) Math.min(1, c[i] * brightness * (1 + 0.5 * amount * (2 * rnd.nextDouble() - 1)));
        }
        return out;
    }

    private static float[] scale(float[] c, double f) {
        return new float[] {(float) (c[0] * f), (float) (c[1] * f), (float) (c[2] * f)};
    }

    /** HSV to RGB; the hue wraps around. */
    static float[] hsv(double hue, double saturation, double value) {
        double h = Noise.frac(hue) * 6;
        int sector = (int) h;
        double f = h - sector;
        double p = value * (1 - saturation);
        double q = value * (1 - saturation * f);
        double t = value * (1 - saturation * (1 - f));
        double r;
        double g;
        double b;
        switch (sector) {
            case 0: r = value; g = t; b = p; break;
            case 1: r = q; g = value; b = p; break;
            case 2: r = p; g = value; b = t; break;
            case 3: r = p; g = q; b = value; break;
            case 4: r = t; g = p; b = value; break;
            default: r = value; g = p; b = q; break;
        }
        return new float[] {(float) r, (float) g, (float) b};
    }
}
