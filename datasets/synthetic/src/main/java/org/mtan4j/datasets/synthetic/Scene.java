package org.mtan4j.datasets.synthetic;

import java.util.List;

/**
 * One room to render: the box {@code [0, width] x [0, height] x [0, depth]} with its surfaces' materials,
 * the camera, a point light, and the objects and decals inside. Walls are numbered 0 (x = 0),
 * 1 (x = width), 2 (z = 0), 3 (z = depth).
 *
 * @param width room extent along world x, metres
 * @param height floor-to-ceiling height, metres
 * @param depth room extent along world z, metres
 * @param camera the viewpoint
 * @param light the point light and the ambient level
 * @param floor floor material (read with world x, z)
 * @param wall material of all four walls
 * @param ceiling ceiling material
 * @param objects furniture and objects
 * @param decals paintings, windows and TVs on the walls
 */
record Scene(double width, double height, double depth, Camera camera, Light light, Material floor, Material wall,
        Material ceiling, List<SceneObject> objects, List<Decal> decals) {

    /** Scene constructor; copies the lists. */
    Scene {
        objects = List.copyOf(objects);
        decals = List.copyOf(decals);
    }

    /**
     * A point light with its colour, plus ambient light standing in for indirect illumination.
     *
     * @param x position, metres
     * @param y position, metres
     * @param z position, metres
     * @param intensity diffuse strength at distance 0
     * @param ambient light reaching every surface regardless of orientation
     * @param r tint of the light, red
     * @param g tint of the light, green
     * @param b tint of the light, blue
     */
    record Light(double x, double y, double z, double intensity, double ambient, double r, double g, double b) {
    }
}
