/**
 * The embedded default dataset {@code synthetic}: procedurally rendered indoor scenes that need no
 * files.
 *
 * <p>Each sample is a pinhole view of a box-shaped room (floor, four walls, ceiling) holding a few
 * pieces of furniture and objects built from boxes, spheres and cylinders, with paintings, windows
 * or a TV on the walls. A small ray caster renders, from the same geometry, the RGB image and three
 * targets in NYUv2's layout: a 13-class semantic label ({@link
 * org.mtan4j.datasets.synthetic.NyuClass}), metric depth along the camera's z axis and the unit
 * surface normal in camera coordinates. Every sample is a pure function of the scene seed, the split
 * and the index, so no caching and no files are involved.
 *
 * <p>Entry points: {@link org.mtan4j.datasets.synthetic.SyntheticDatasetProvider} (found by {@link
 * java.util.ServiceLoader}) and its options {@link org.mtan4j.datasets.synthetic.SyntheticOptions}.
 */
package org.mtan4j.datasets.synthetic;
