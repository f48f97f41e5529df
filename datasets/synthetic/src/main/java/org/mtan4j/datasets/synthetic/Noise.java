package org.mtan4j.datasets.synthetic;

/**
 * Integer hashing and value noise for procedural textures. Pure functions of their arguments, so a
 * texture needs no state and rendering stays thread-safe and deterministic.
 */
final class Noise {

    private Noise() {
    }

    /** A well-mixed 32-bit hash of a lattice point. */
    static int hash(int seed, int x, int y, int z) {
        int h = seed * 0x9E3779B9 ^ x * 0x8DA6B343 ^ y * 0xD8163841 ^ z * 0xCB1AB31F;
        h ^= h >>> 16;
        h *= 0x7FEB352D;
        h ^= h >>> 15;
        h *= 0x846CA68B;
        h ^= h >>> 16;
        return h;
    }

    /** A uniform value in [0, 1) for a lattice point. */
    static double unit(int seed, int x, int y, int z) {
        return (hash(seed, x, y, z) >>> 8) * 0x1.0p-24;
    }

    /** Smooth 3D value noise in [0, 1): trilinear interpolation of lattice values with a smoothstep. */
    static double value(int seed, double x, double y, double z) {
        double fx = Math.floor(x);
        double fy = Math.floor(y);
        double fz = Math.floor(z);
        int ix = (int) fx;
        int iy = (int) fy;
        int iz = (int) fz;
        double sx = smooth(x - fx);
        double sy = smooth(y - fy);
        double sz = smooth(z - fz);
        double c000 = unit(seed, ix, iy, iz);
        double c100 = unit(seed, ix + 1, iy, iz);
        double c010 = unit(seed, ix, iy + 1, iz);
        double c110 = unit(seed, ix + 1, iy + 1, iz);
        double c001 = unit(seed, ix, iy, iz + 1);
        double c101 = unit(seed, ix + 1, iy, iz + 1);
        double c011 = unit(seed, ix, iy + 1, iz + 1);
        double c111 = unit(seed, ix + 1, iy + 1, iz + 1);
        double x00 = c000 + sx * (c100 - c000);
        double x10 = c010 + sx * (c110 - c010);
        double x01 = c001 + sx * (c101 - c001);
        double x11 = c011 + sx * (c111 - c011);
        double y0 = x00 + sy * (x10 - x00);
        double y1 = x01 + sy * (x11 - x01);
        return y0 + sz * (y1 - y0);
    }

    /** The fractional part, in [0, 1) also for negative arguments. */
    static double frac(double v) {
        return v - Math.floor(v);
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }
}
