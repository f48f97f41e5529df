package org.mtan4j.datasets.synthetic;

/**
 * A pinhole camera without roll. World axes: y up, the floor at y = 0. Camera axes follow OpenCV:
 * x right, y down, z forward; depth and normals in the targets are in these camera axes.
 *
 * @param x position, metres
 * @param y height above the floor, metres
 * @param z position, metres
 * @param yaw heading about the vertical axis, radians; 0 looks along world +z, pi/2 along +x
 * @param pitch elevation, radians; negative looks down
 */
record Camera(double x, double y, double z, double yaw, double pitch) {

    /** Forward axis in world coordinates. */
    double[] forward() {
        return new double[] {Math.cos(pitch) * Math.sin(yaw), Math.sin(pitch), Math.cos(pitch) * Math.cos(yaw)};
    }

    /** Right axis in world coordinates: forward x world-up, normalised (horizontal, as there is no roll). */
    double[] right() {
        return new double[] {-Math.cos(yaw), 0, Math.sin(yaw)};
    }

    /** Down axis in world coordinates: forward x right, completing a right-handed frame. */
    double[] down() {
        double[] f = forward();
        double[] r = right();
        return new double[] {f[1] * r[2], f[2] * r[0] - f[0] * r[2], -f[1] * r[0]};
    }
}
