package org.mtan4j.datasets.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ray-casts a {@link Scene}: one primary ray per pixel, no recursion; Lambertian shading from the
 * scene's point light (without shadows) plus ambient light, then a little pixel noise. Image and
 * targets come from the same hit, so they always agree.
 *
 * <p>Pixels become invalid (label -1, depth 0, normal zero) beyond {@link #MAX_DEPTH}, as a depth
 * sensor's range ends, and in a few random blobs, as NYUv2's Kinect leaves holes. The image itself
 * stays complete there, as in NYUv2.
 */
final class Renderer {

    /** NYUv2's Kinect focal length relative to the image width (518.86 px at 640 px). */
    static final double FOCAL_PER_WIDTH = 518.8579 / 640;
    /** Depth beyond which the sensor reports nothing, metres. */
    static final double MAX_DEPTH = 7.0;
    /** Half-width of the uniform pixel noise, per channel, added twice (a triangular distribution). */
    private static final double NOISE = 0.015;
    /** How fast the point light fades with squared distance. */
    private static final double FALLOFF = 0.03;

    private Renderer() {
    }

    /** Renders {@code scene} at {@code height x width}; {@code rnd} draws the holes and the noise. */
    static Frame render(Scene scene, int height, int width, SplittableRandom rnd) {
        Camera cam = scene.camera();
        double[] f = cam.forward();
        double[] r = cam.right();
        double[] d = cam.down();
        double focal = FOCAL_PER_WIDTH * width;
        SceneObject[] objects = scene.objects().toArray(new SceneObject[0]);
        Decal[][] decalsByWall = decalsByWall(scene.decals());
        Scene.Light light = scene.light();

        int plane = height * width;
        float[] rgb = new float[3 * plane];
        float[] labels = new float[plane];
        float[] depth = new float[plane];
        float[] normals = new float[3 * plane];
        Ray ray = new Ray();
        Hit hit = new Hit();
        float[] albedo = new float[3];
        for (int v = 0; v < height; v++) {
            double b = (v + 0.5 - height / 2.0) / focal;
            for (int u = 0; u < width; u++) {
                double a = (u + 0.5 - width / 2.0) / focal;
                // Forward component 1: the ray parameter t of a hit is its camera-z depth.
                ray.set(cam.x(), cam.y(), cam.z(), f[0] + a * r[0] + b * d[0], f[1] + a * r[1] + b * d[1],
                        f[2] + a * r[2] + b * d[2]);
                room(scene, ray, hit);
                for (SceneObject o : objects) {
                    o.intersect(ray, hit);
                }
                double px = ray.ox + hit.t * ray.dx;
                double py = ray.oy + hit.t * ray.dy;
                double pz = ray.oz + hit.t * ray.dz;
                if (hit.wall >= 0) {
                    double along = hit.wall < 2 ? pz : px;
                    for (Decal decal : decalsByWall[hit.wall]) {
                        if (decal.cover(along, py, hit)) {
                            break;
                        }
                    }
                }
                double nx = hit.nx;
                double ny = hit.ny;
                double nz = hit.nz;
                if (nx * ray.dx + ny * ray.dy + nz * ray.dz > 0) {
                    nx = -nx;
                    ny = -ny;
                    nz = -nz;
                }
                int i = v * width + u;
                labels[i] = hit.label;
                depth[i] = (float) hit.t;
                normals[i] = (float) (nx * r[0] + ny * r[1] + nz * r[2]);
                normals[plane + i] = (float) (nx * d[0] + ny * d[1] + nz * d[2]);
                normals[2 * plane + i] = (float) (nx * f[0] + ny * f[1] + nz * f[2]);

                hit.material.albedo(hit.tx, hit.ty, hit.tz, albedo);
                double shade;
                if (hit.material.emissive()) {
                    shade = 1;
                } else {
                    double lx = light.x() - px;
                    double ly = light.y() - py;
                    double lz = light.z() - pz;
                    double dist2 = lx * lx + ly * ly + lz * lz;
                    double cos = Math.max(0, (nx * lx + ny * ly + nz * lz) / Math.sqrt(dist2));
                    shade = light.ambient() + light.intensity() * cos / (1 + FALLOFF * dist2);
                }
                rgb[i] = pixel(albedo[0] * shade * light.r(), rnd);
                rgb[plane + i] = pixel(albedo[1] * shade * light.g(), rnd);
                rgb[2 * plane + i] = pixel(albedo[2] * shade * light.b(), rnd);
            }
        }
        invalidate(height, width, labels, depth, normals, rnd);
        return new Frame(height, width, focal, cam, rgb, labels, depth, normals);
    }

    /** The room seen from inside: the nearest exit through floor, ceiling or one of the walls. */
    private static void room(Scene scene, Ray ray, Hit hit) {
        double tx = ray.dx > 0 ? (scene.width() - ray.ox) / ray.dx : ray.dx < 0 ? -ray.ox / ray.dx : Double.POSITIVE_INFINITY;
        double ty = ray.dy > 0 ? (scene.height() - ray.oy) / ray.dy : ray.dy < 0 ? -ray.oy / ray.dy : Double.POSITIVE_INFINITY;
        double tz = ray.dz > 0 ? (scene.depth() - ray.oz) / ray.dz : ray.dz < 0 ? -ray.oz / ray.dz : Double.POSITIVE_INFINITY;
        if (ty <= tx && ty <= tz) {
            if (ray.dy < 0) {
                hit.set(ty, 0, 1, 0, NyuClass.FLOOR.label(), scene.floor());
            } else {
                hit.set(ty, 0, -1, 0, NyuClass.CEILING.label(), scene.ceiling());
            }
        } else if (tx <= tz) {
            hit.set(tx, ray.dx < 0 ? 1 : -1, 0, 0, NyuClass.WALL.label(), scene.wall());
            hit.wall = ray.dx < 0 ? 0 : 1;
        } else {
            hit.set(tz, 0, 0, ray.dz < 0 ? 1 : -1, NyuClass.WALL.label(), scene.wall());
            hit.wall = ray.dz < 0 ? 2 : 3;
        }
        double t = hit.t;
        hit.texture(ray.ox + t * ray.dx, ray.oy + t * ray.dy, ray.oz + t * ray.dz);
    }

    private static Decal[][] decalsByWall(List<Decal> decals) {
        List<List<Decal>> byWall = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            byWall.add(new ArrayList<>());
        }
        for (Decal decal : decals) {
            byWall.get(decal.wall()).add(decal);
        }
        Decal[][] out = new Decal[4][];
        for (int w = 0; w < 4; w++) {
            out[w] = byWall.get(w).toArray(new Decal[0]);
        }
        return out;
    }

    private static float pixel(double value, SplittableRandom rnd) {
        double noisy = value + NOISE * (rnd.nextDouble() + rnd.nextDouble() - 1);
        return (float) Math.min(1, Math.max(0, noisy));
    }

    /** Marks pixels out of the sensor's range and a few elliptical holes as invalid. */
    private static void invalidate(int height, int width, float[] labels, float[] depth, float[] normals, SplittableRandom rnd) {
        int blobs = rnd.nextInt(5);
        double[][] holes = new double[blobs][];
        for (int k = 0; k < blobs; k++) {
            double rx = Math.max(1, width * (0.015 + 0.045 * rnd.nextDouble()));
            double ry = Math.max(1, height * (0.015 + 0.045 * rnd.nextDouble()));
            holes[k] = new double[] {width * rnd.nextDouble(), height * rnd.nextDouble(), rx, ry};
        }
        int plane = height * width;
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                int i = v * width + u;
                boolean invalid = depth[i] > MAX_DEPTH;
                for (int k = 0; k < blobs && !invalid; k++) {
                    double du = (u + 0.5 - holes[k][0]) / holes[k][2];
                    double dv = (v + 0.5 - holes[k][1]) / holes[k][3];
                    invalid = du * du + dv * dv <= 1;
                }
                if (invalid) {
                    labels[i] = -1;
                    depth[i] = 0;
                    normals[i] = 0;
                    normals[plane + i] = 0;
                    normals[2 * plane + i] = 0;
                }
            }
        }
    }
}
