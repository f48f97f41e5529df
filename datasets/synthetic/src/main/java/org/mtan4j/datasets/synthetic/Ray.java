package org.mtan4j.datasets.synthetic;

/**
 * A camera ray, mutable so that one instance serves all pixels of a render.
 *
 * <p>The direction is not normalised: its component along the camera's forward axis is 1, so the ray
 * parameter {@code t} of a hit is the hit's depth along the camera z axis.
 */
final class Ray {
    double ox;
    double oy;
    double oz;
    double dx;
    double dy;
    double dz;
    /** Reciprocals of the direction, for bounding-box slab tests. */
    double invDx;
    double invDy;
    double invDz;

    void set(double originX, double originY, double originZ, double dirX, double dirY, double dirZ) {
        ox = originX;
        oy = originY;
        oz = originZ;
        dx = dirX;
        dy = dirY;
        dz = dirZ;
        invDx = 1 / dirX;
        invDy = 1 / dirY;
        invDz = 1 / dirZ;
    }
}
