package org.mtan4j.datasets.synthetic;

/**
 * A flat rectangle on a wall (painting, window, wall-mounted TV): it changes the label and the
 * albedo of the wall but not its depth or normal, as the real ones stand out by a few centimetres.
 *
 * @param wall the wall's index (see {@link Scene})
 * @param s0 start along the wall, metres (world z for walls 0 and 1, world x for walls 2 and 3)
 * @param s1 end along the wall, metres
 * @param y0 bottom height, metres
 * @param y1 top height, metres
 * @param label the class
 * @param material albedo, read with decal coordinates (u, v) in [0, 1], v growing upwards
 */
record Decal(int wall, double s0, double s1, double y0, double y1, NyuClass label, Material material) {

    /** Whether wall point (s, y) is covered; if so writes its decal coordinates into {@code hit}. */
    boolean cover(double s, double y, Hit hit) {
        if (s < s0 || s > s1 || y < y0 || y > y1) {
            return false;
        }
        hit.label = label.label();
        hit.material = material;
        hit.texture((s - s0) / (s1 - s0), (y - y0) / (y1 - y0), 0);
        return true;
    }
}
