package org.mtan4j.datasets.synthetic;

/**
 * The nearest intersection found so far along a ray; mutable and reused across pixels.
 * Intersection routines only overwrite it with closer hits ({@code t} below the current one).
 */
final class Hit {
    /** Ray parameter, which is also the depth along the camera z axis (see {@link Ray}). */
    double t;
    /** Unit surface normal in world coordinates (may face away; the renderer turns it to the camera). */
    double nx;
    double ny;
    double nz;
    /** Texture coordinates: object-local position, or the decal's (u, v, 0). */
    double tx;
    double ty;
    double tz;
    /** Semantic label of the surface hit. */
    int label;
    Material material;
    /** Which wall (see {@link Scene}) when the room's wall is the nearest hit, else -1; decals look at it. */
    int wall;

    void set(double newT, double normalX, double normalY, double normalZ, int newLabel, Material newMaterial) {
        t = newT;
        nx = normalX;
        ny = normalY;
        nz = normalZ;
        label = newLabel;
        material = newMaterial;
        wall = -1;
    }

    void texture(double x, double y, double z) {
        tx = x;
        ty = y;
        tz = z;
    }
}
