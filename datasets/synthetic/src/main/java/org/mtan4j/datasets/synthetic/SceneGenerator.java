package org.mtan4j.datasets.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a random but plausible room: a camera standing near one wall and looking into the room,
 * furniture against the walls (beds, sofas, cabinets, shelves with books), free-standing tables with
 * chairs and objects on the floor, small things on top of tables and cabinets, and paintings, windows
 * or a TV on the walls. Footprints never overlap each other or the space around the camera, and
 * everything rests on the floor or on a supporting top.
 *
 * <p>One generator per scene; the scene is a pure function of the random generator's state.
 */
final class SceneGenerator {

    /** Half-size of the square around the camera kept free of objects, metres. */
    private static final double CAMERA_CLEARANCE = 0.6;
    /** Gap between an object and the wall it stands against, metres. */
    private static final double WALL_GAP = 0.02;
    private static final int PLACEMENT_TRIES = 25;

    private final SplittableRandom rnd;
    private final double width;
    private final double height;
    private final double depth;
    private final Camera camera;
    private final List<double[]> footprints = new ArrayList<>();
    private final List<SceneObject> objects = new ArrayList<>();
    private final List<Decal> decals = new ArrayList<>();

    private SceneGenerator(SplittableRandom rnd) {
        this.rnd = rnd;
        width = uniform(2.8, 5.5);
        // Now and then a long room, whose far end lies beyond the depth sensor's range.
        depth = rnd.nextDouble() < 0.15 ? uniform(6.5, 9.5) : uniform(2.8, 6.0);
        height = uniform(2.4, 3.0);
        // The camera stands near a wall and looks into the room, as most NYUv2 views do.
        int cameraWall = rnd.nextInt(4);
        double fromWall = uniform(0.3, 1.0);
        double along = uniform(0.6, wallLength(cameraWall) - 0.6);
        Pose spot = wallPose(cameraWall, along, 2 * (fromWall - WALL_GAP));
        camera = new Camera(spot.x, uniform(1.0, Math.min(1.7, height - 0.4)), spot.z,
                spot.yaw + uniform(-0.6, 0.6), uniform(-0.5, 0.08));
    }

    /** A new random scene drawn from {@code rnd}. */
    static Scene generate(SplittableRandom rnd) {
        return new SceneGenerator(rnd).build();
    }

    private Scene build() {
        Material floor = Material.floor(rnd);
        Material wall = Material.wall(rnd);
        Material ceiling = Material.ceiling(rnd);
        Scene.Light light = new Scene.Light(uniform(0.25, 0.75) * width, height - 0.25, uniform(0.25, 0.75) * depth,
                uniform(0.55, 0.85), uniform(0.3, 0.45), uniform(0.95, 1.05), uniform(0.95, 1.05), uniform(0.95, 1.05));
        if (rnd.nextDouble() < 0.65) {
            decal(NyuClass.WINDOW, Material.window(rnd), uniform(0.8, 1.8), uniform(0.75, 1.0), uniform(1.0, 1.5));
        }
        int paintings = rnd.nextInt(3);
        for (int i = 0; i < paintings; i++) {
            double h = uniform(0.3, 0.9);
            decal(NyuClass.PAINTING, Material.painting(rnd), uniform(0.4, 1.2), uniform(1.3, 1.8) - h / 2, h);
        }
        if (rnd.nextDouble() < 0.12) {
            double w = uniform(0.9, 1.3);
            decal(NyuClass.TV, Material.tv(rnd), w, uniform(1.2, 1.5) - 0.28 * w, 0.57 * w);
        }
        int items = 5 + rnd.nextInt(5);
        for (int i = 0; i < items; i++) {
            double kind = rnd.nextDouble();
            if (kind < 0.12) {
                bed();
            } else if (kind < 0.26) {
                sofa();
            } else if (kind < 0.52) {
                furniture();
            } else if (kind < 0.7) {
                table();
            } else if (kind < 0.84) {
                chair();
            } else {
                floorObject();
            }
        }
        return new Scene(width, height, depth, camera, light, floor, wall, ceiling, objects, decals);
    }

    // ---- furniture against a wall ----

    private void bed() {
        double w = uniform(1.0, 1.9);
        double length = uniform(1.9, 2.1);
        double top = uniform(0.45, 0.6);
        double head = uniform(0.85, 1.2);
        Pose p = againstWall(w + 0.04, length);
        if (p == null) {
            return;
        }
        List<Primitive> parts = new ArrayList<>();
        parts.add(p.box(0, top / 2, 0.03, w / 2, top / 2, length / 2 - 0.03, NyuClass.BED, Material.bed(rnd)));
        parts.add(p.box(0, head / 2, -length / 2 + 0.03, w / 2 + 0.02, head / 2, 0.03, NyuClass.BED, Material.headboard(rnd)));
        int pillows = w > 1.3 ? 2 : 1;
        double slot = (w - 0.2) / pillows;
        Material pillow = Material.pillow(rnd);
        for (int i = 0; i < pillows; i++) {
            parts.add(p.box(-w / 2 + 0.1 + (i + 0.5) * slot, top + 0.06, -length / 2 + 0.3,
                    slot / 2 - 0.04, 0.06, 0.17, NyuClass.BED, pillow));
        }
        objects.add(new SceneObject(parts));
    }

    private void sofa() {
        double w = uniform(1.5, 2.3);
        double d = uniform(0.8, 0.95);
        double seat = uniform(0.4, 0.46);
        double back = uniform(0.75, 0.9);
        double arm = uniform(0.55, 0.65);
        Pose p = againstWall(w, d);
        if (p == null) {
            return;
        }
        Material fabric = Material.sofa(rnd);
        List<Primitive> parts = new ArrayList<>();
        parts.add(p.box(0, seat / 2, 0, w / 2, seat / 2, d / 2, NyuClass.SOFA, fabric));
        parts.add(p.box(0, back / 2, -d / 2 + 0.1, w / 2, back / 2, 0.1, NyuClass.SOFA, fabric));
        parts.add(p.box(-(w / 2 - 0.09), arm / 2, 0, 0.09, arm / 2, d / 2, NyuClass.SOFA, fabric));
        parts.add(p.box(w / 2 - 0.09, arm / 2, 0, 0.09, arm / 2, d / 2, NyuClass.SOFA, fabric));
        objects.add(new SceneObject(parts));
    }

    private void furniture() {
        boolean tall = rnd.nextDouble() < 0.5;
        double w = tall ? uniform(0.7, 1.3) : uniform(0.7, 1.7);
        double d = tall ? uniform(0.32, 0.5) : uniform(0.4, 0.6);
        double h = tall ? uniform(1.5, Math.min(2.2, height - 0.15)) : uniform(0.55, 1.0);
        Pose p = againstWall(w, d);
        if (p == null) {
            return;
        }
        List<Primitive> parts = new ArrayList<>();
        parts.add(p.box(0, h / 2, 0, w / 2, h / 2, d / 2, NyuClass.FURNITURE, Material.furniture(rnd)));
        if (tall) {
            if (rnd.nextDouble() < 0.6) {
                shelfBooks(p, w, d, h, parts);
            }
        } else {
            Top top = new Top(p, h, w / 2 - 0.03, d / 2 - 0.03);
            boolean tv = w >= 0.8 && rnd.nextDouble() < 0.4;
            if (tv) {
                television(top, parts);
            }
            if (rnd.nextDouble() < 0.35) {
                bookRow(top, parts);
            }
            smallObjects(top, rnd.nextInt(3), parts);
            if (!tv && rnd.nextDouble() < 0.35) {
                // A wall cabinet above, as in kitchens and studies.
                double bottom = uniform(1.4, 1.6); // above the tallest book row or object on the top
                double top2 = Math.min(bottom + uniform(0.5, 0.8), height - 0.05);
                double upperDepth = Math.min(0.35, d);
                parts.add(p.box(0, (bottom + top2) / 2, -d / 2 + upperDepth / 2, w / 2, (top2 - bottom) / 2,
                        upperDepth / 2, NyuClass.FURNITURE, Material.furniture(rnd)));
            }
        }
        objects.add(new SceneObject(parts));
    }

    /** Rows of books standing on the shelves of a bookcase, seen from the front (one box per run of books). */
    private void shelfBooks(Pose p, double w, double d, double h, List<Primitive> parts) {
        double spacing = uniform(0.3, 0.4);
        double bookDepth = 0.12;
        double z = d / 2 + 0.015 - bookDepth / 2; // the spines stand a little proud of the case
        for (double level = 0.08; level + 0.2 < h - 0.05; level += spacing) {
            double rowHeight = uniform(0.55, 0.85) * spacing;
            double x = -w / 2 + 0.03;
            double end = w / 2 - 0.03;
            while (x < end - 0.1) {
                double run = Math.min(end - x, uniform(0.15, w));
                parts.add(p.box(x + run / 2, level + rowHeight / 2, z, run / 2, rowHeight / 2, bookDepth / 2,
                        NyuClass.BOOKS, Material.bookRow(rnd)));
                x += run + (rnd.nextDouble() < 0.5 ? uniform(0.05, 0.25) : 0.0);
            }
        }
    }

    // ---- free-standing furniture and objects ----

    private void table() {
        double h = uniform(0.7, 0.78);
        Material wood = Material.table(rnd);
        List<Primitive> parts = new ArrayList<>();
        Top top;
        Pose p;
        int tableFootprint;
        if (rnd.nextDouble() < 0.3) {
            double r = uniform(0.4, 0.6);
            p = freeSpot(r, r);
            if (p == null) {
                return;
            }
            parts.add(new Primitive.Cylinder(p.x, p.z, h - 0.04, h, r, NyuClass.TABLE, wood));
            parts.add(new Primitive.Cylinder(p.x, p.z, 0, h - 0.04, 0.045, NyuClass.TABLE, wood));
            parts.add(new Primitive.Cylinder(p.x, p.z, 0, 0.03, 0.25, NyuClass.TABLE, wood));
            top = new Top(p, h, 0.65 * r, 0.5 * r);
        } else {
            double w = uniform(0.8, 1.6);
            double d = uniform(0.6, 0.9);
            p = freeSpot(w / 2, d / 2);
            if (p == null) {
                return;
            }
            parts.add(p.box(0, h - 0.02, 0, w / 2, 0.02, d / 2, NyuClass.TABLE, wood));
            double leg = (h - 0.04) / 2;
            for (int sx = -1; sx <= 1; sx += 2) {
                for (int sz = -1; sz <= 1; sz += 2) {
                    parts.add(p.box(sx * (w / 2 - 0.05), leg, sz * (d / 2 - 0.05), 0.025, leg, 0.025, NyuClass.TABLE, wood));
                }
            }
            top = new Top(p, h, w / 2 - 0.05, d / 2 - 0.05);
        }
        tableFootprint = footprints.size() - 1;
        if (rnd.nextDouble() < 0.3) {
            bookStack(top, parts);
        }
        smallObjects(top, rnd.nextInt(4), parts);
        objects.add(new SceneObject(parts));
        // Chairs pulled up to the table, facing it; they may overlap its footprint but nothing else.
        int chairs = rnd.nextDouble() < 0.6 ? 1 + rnd.nextInt(2) : 0;
        for (int i = 0; i < chairs; i++) {
            double angle = p.yaw + (rnd.nextBoolean() ? 0 : Math.PI) + uniform(-0.3, 0.3);
            double reach = top.halfDepth + 0.3;
            double cx = p.x + Math.sin(angle) * reach;
            double cz = p.z + Math.cos(angle) * reach;
            chairAt(new Pose(cx, cz, angle + Math.PI), tableFootprint);
        }
    }

    private void chair() {
        Pose p = freeSpot(0.25, 0.25);
        if (p != null) {
            chairParts(p);
        }
    }

    private void chairAt(Pose p, int ignoredFootprint) {
        if (reserve(p, 0.25, 0.25, ignoredFootprint)) {
            chairParts(p);
        }
    }

    /** A chair facing its local +z: seat, back on the -z side, four legs. */
    private void chairParts(Pose p) {
        double s = uniform(0.4, 0.5);
        double seat = uniform(0.43, 0.48);
        double back = uniform(0.35, 0.5);
        Material m = Material.chair(rnd);
        List<Primitive> parts = new ArrayList<>();
        parts.add(p.box(0, seat - 0.025, 0, s / 2, 0.025, s / 2, NyuClass.CHAIR, m));
        parts.add(p.box(0, seat + back / 2, -s / 2 + 0.02, s / 2, back / 2, 0.02, NyuClass.CHAIR, m));
        double leg = (seat - 0.05) / 2;
        for (int sx = -1; sx <= 1; sx += 2) {
            for (int sz = -1; sz <= 1; sz += 2) {
                parts.add(p.box(sx * (s / 2 - 0.03), leg, sz * (s / 2 - 0.03), 0.02, leg, 0.02, NyuClass.CHAIR, m));
            }
        }
        objects.add(new SceneObject(parts));
    }

    /** A ball, a bin, a potted plant or a floor lamp standing on the floor. */
    private void floorObject() {
        List<Primitive> parts = new ArrayList<>();
        Material m = Material.object(rnd);
        int kind = rnd.nextInt(4);
        if (kind == 0) {
            double r = uniform(0.1, 0.25);
            Pose p = freeSpot(r, r);
            if (p == null) {
                return;
            }
            parts.add(new Primitive.Sphere(p.x, r, p.z, r, NyuClass.OBJECTS, m));
        } else if (kind == 1) {
            double r = uniform(0.12, 0.25);
            Pose p = freeSpot(r, r);
            if (p == null) {
                return;
            }
            parts.add(new Primitive.Cylinder(p.x, p.z, 0, uniform(0.25, 0.6), r, NyuClass.OBJECTS, m));
        } else if (kind == 2) {
            double r = uniform(0.12, 0.2);
            double leaves = uniform(0.2, 0.35);
            Pose p = freeSpot(leaves, leaves);
            if (p == null) {
                return;
            }
            double pot = uniform(0.25, 0.4);
            parts.add(new Primitive.Cylinder(p.x, p.z, 0, pot, r, NyuClass.OBJECTS, m));
            parts.add(new Primitive.Sphere(p.x, pot + 0.8 * leaves, p.z, leaves, NyuClass.OBJECTS,
                    Material.plant(rnd)));
        } else {
            double shade = uniform(0.15, 0.22);
            Pose p = freeSpot(shade, shade);
            if (p == null) {
                return;
            }
            double h = uniform(1.3, 1.7);
            parts.add(new Primitive.Cylinder(p.x, p.z, 0, 0.03, 0.15, NyuClass.OBJECTS, m));
            parts.add(new Primitive.Cylinder(p.x, p.z, 0, h - 0.3, 0.015, NyuClass.OBJECTS, m));
            parts.add(new Primitive.Cylinder(p.x, p.z, h - 0.3, h, shade, NyuClass.OBJECTS, Material.pillow(rnd)));
        }
        objects.add(new SceneObject(parts));
    }

    // ---- things on top of tables and cabinets ----

    private void television(Top top, List<Primitive> parts) {
        double w = Math.min(uniform(0.8, 1.3), 2 * top.halfWidth);
        double x = top.take(w);
        if (Double.isNaN(x)) {
            return;
        }
        double z = Math.min(0, -top.halfDepth + 0.12);
        Material screen = Material.tv(rnd);
        double h = 0.58 * w;
        parts.add(top.pose.box(x, top.y + 0.025, z, 0.12, 0.025, 0.08, NyuClass.TV, screen));
        parts.add(top.pose.box(x, top.y + 0.05 + h / 2, z, w / 2, h / 2, 0.025, NyuClass.TV, screen));
    }

    private void bookRow(Top top, List<Primitive> parts) {
        double w = uniform(0.15, 0.5);
        double x = top.take(w);
        if (Double.isNaN(x)) {
            return;
        }
        double h = uniform(0.16, 0.28);
        double d = Math.min(uniform(0.13, 0.2), 2 * top.halfDepth);
        double z = -top.halfDepth + d / 2;
        parts.add(top.pose.box(x, top.y + h / 2, z, w / 2, h / 2, d / 2, NyuClass.BOOKS, Material.bookRow(rnd)));
    }

    /** Books lying flat, each a little turned against the one below. */
    private void bookStack(Top top, List<Primitive> parts) {
        double w = uniform(0.2, 0.3);
        double x = top.take(w + 0.05);
        if (Double.isNaN(x)) {
            return;
        }
        double z = uniform(-0.4, 0.4) * top.halfDepth;
        double y = top.y;
        int count = 2 + rnd.nextInt(4);
        for (int i = 0; i < count; i++) {
            double thick = uniform(0.02, 0.05);
            Pose p = new Pose(top.pose.worldX(x, z), top.pose.worldZ(x, z), top.pose.yaw + uniform(-0.2, 0.2));
            parts.add(p.box(0, y + thick / 2, 0, w / 2, thick / 2, uniform(0.07, 0.1), NyuClass.BOOKS, Material.book(rnd)));
            y += thick;
        }
    }

    private void smallObjects(Top top, int count, List<Primitive> parts) {
        for (int i = 0; i < count; i++) {
            Material m = Material.object(rnd);
            int kind = rnd.nextInt(3);
            double r = kind == 0 ? uniform(0.04, 0.1) : kind == 1 ? uniform(0.03, 0.08) : uniform(0.05, 0.12);
            double x = top.take(2 * r + 0.02);
            if (Double.isNaN(x) || top.halfDepth < r) {
                continue;
            }
            double z = uniform(-1, 1) * (top.halfDepth - r);
            double wx = top.pose.worldX(x, z);
            double wz = top.pose.worldZ(x, z);
            if (kind == 0) {
                parts.add(new Primitive.Sphere(wx, top.y + r, wz, r, NyuClass.OBJECTS, m));
            } else if (kind == 1) {
                parts.add(new Primitive.Cylinder(wx, wz, top.y, top.y + uniform(0.08, 0.3), r, NyuClass.OBJECTS, m));
            } else {
                double h = uniform(0.05, 0.2);
                Pose p = new Pose(wx, wz, rnd.nextDouble() * 2 * Math.PI);
                parts.add(p.box(0, top.y + h / 2, 0, r, h / 2, r * uniform(0.5, 1), NyuClass.OBJECTS, m));
            }
        }
    }

    // ---- walls, placement, footprints ----

    private void decal(NyuClass label, Material m, double w, double y0, double h) {
        for (int attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
            int wall = visibleWall();
            double length = wallLength(wall);
            double dw = Math.min(w, length - 0.6);
            double s0 = uniform(0.3, length - 0.3 - dw);
            double y1 = Math.min(y0 + h, height - 0.1);
            boolean free = true;
            for (Decal other : decals) {
                if (other.wall() == wall && s0 < other.s1() + 0.1 && other.s0() < s0 + dw + 0.1
                        && y0 < other.y1() + 0.1 && other.y0() < y1 + 0.1) {
                    free = false;
                    break;
                }
            }
            if (free) {
                decals.add(new Decal(wall, s0, s0 + dw, y0, y1, label, m));
                return;
            }
        }
    }

    /**
     * A random wall, weighted by how squarely the camera faces it: the wall ahead is the likeliest, the
     * one behind the camera (whatever stands there is seldom seen) the rarest.
     */
    private int visibleWall() {
        double fx = Math.sin(camera.yaw());
        double fz = Math.cos(camera.yaw());
        // Inward normals of walls 0..3 are +x, -x, +z, -z; facing a wall means looking against its normal.
        double[] weights = {0.6 - fx, 0.6 + fx, 0.6 - fz, 0.6 + fz};
        double total = 0;
        for (int i = 0; i < 4; i++) {
            weights[i] = Math.max(0.1, weights[i]);
            total += weights[i];
        }
        double pick = rnd.nextDouble() * total;
        for (int i = 0; i < 3; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return 3;
    }

    /** A free spot for an item {@code w} wide and {@code d} deep with its back to a wall, or null. */
    private Pose againstWall(double w, double d) {
        for (int attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
            int wall = visibleWall();
            double length = wallLength(wall);
            if (length < w + 0.1) {
                continue;
            }
            Pose p = wallPose(wall, uniform(w / 2 + 0.05, length - w / 2 - 0.05), d);
            if (reserve(p, w / 2, d / 2, -1)) {
                return p;
            }
        }
        return null;
    }

    /** A free spot in front of the camera for an item with half-extents {@code hx, hz}, any heading, or null. */
    private Pose freeSpot(double hx, double hz) {
        double[] f = {Math.sin(camera.yaw()), Math.cos(camera.yaw())};
        for (int attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
            double ahead = uniform(1.0, 4.0);
            double side = uniform(-1.6, 1.6);
            Pose p = new Pose(camera.x() + f[0] * ahead - f[1] * side, camera.z() + f[1] * ahead + f[0] * side,
                    rnd.nextDouble() * 2 * Math.PI);
            if (reserve(p, hx, hz, -1)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Claims the world-aligned footprint of an item at {@code p} with half-extents {@code hx, hz} when it
     * lies inside the room, clear of the camera and of every other footprint except {@code ignored}.
     */
    private boolean reserve(Pose p, double hx, double hz, int ignored) {
        double c = Math.abs(Math.cos(p.yaw));
        double s = Math.abs(Math.sin(p.yaw));
        double ex = c * hx + s * hz;
        double ez = s * hx + c * hz;
        double[] box = {p.x - ex, p.z - ez, p.x + ex, p.z + ez};
        if (box[0] < 0.005 || box[1] < 0.005 || box[2] > width - 0.005 || box[3] > depth - 0.005) {
            return false;
        }
        double k = CAMERA_CLEARANCE;
        if (overlaps(box, new double[] {camera.x() - k, camera.z() - k, camera.x() + k, camera.z() + k})) {
            return false;
        }
        for (int i = 0; i < footprints.size(); i++) {
            if (i != ignored && overlaps(box, footprints.get(i))) {
                return false;
            }
        }
        footprints.add(box);
        return true;
    }

    private static boolean overlaps(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }

    private double wallLength(int wall) {
        return wall < 2 ? depth : width;
    }

    /** The pose of an item {@code itemDepth} deep with its back to {@code wall} at {@code s} along it, facing the room. */
    private Pose wallPose(int wall, double s, double itemDepth) {
        double off = WALL_GAP + itemDepth / 2;
        switch (wall) {
            case 0:
                return new Pose(off, s, Math.PI / 2);
            case 1:
                return new Pose(width - off, s, -Math.PI / 2);
            case 2:
                return new Pose(s, off, 0);
            default:
                return new Pose(s, depth - off, Math.PI);
        }
    }

    private double uniform(double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }

    /**
     * Where an item stands on the floor and where it faces: local (x, z) maps to world
     * {@code (x + cos lx + sin lz, z - sin lx + cos lz)}, the same turn as {@link Primitive.Box}.
     */
    private static final class Pose {
        final double x;
        final double z;
        final double yaw;
        private final double cos;
        private final double sin;

        Pose(double x, double z, double yaw) {
            this.x = x;
            this.z = z;
            this.yaw = yaw;
            this.cos = Math.cos(yaw);
            this.sin = Math.sin(yaw);
        }

        double worldX(double lx, double lz) {
            return x + cos * lx + sin * lz;
        }

        double worldZ(double lx, double lz) {
            return z - sin * lx + cos * lz;
        }

        /** A box at local (lx, lz) and absolute height cy, turned with the item. */
        Primitive box(double lx, double cy, double lz, double hx, double hy, double hz, NyuClass label, Material m) {
            return new Primitive.Box(worldX(lx, lz), cy, worldZ(lx, lz), hx, hy, hz, yaw, label, m);
        }
    }

    /** The top of a table or cabinet, handing out non-overlapping slots along its local x axis. */
    private final class Top {
        final Pose pose;
        final double y;
        final double halfWidth;
        final double halfDepth;
        private final List<double[]> taken = new ArrayList<>();

        Top(Pose pose, double y, double halfWidth, double halfDepth) {
            this.pose = pose;
            this.y = y;
            this.halfWidth = halfWidth;
            this.halfDepth = halfDepth;
        }

        /** The centre of a free slot {@code w} wide, or NaN when none was found. */
        double take(double w) {
            if (w > 2 * halfWidth) {
                return Double.NaN;
            }
            for (int attempt = 0; attempt < 10; attempt++) {
                double x = uniform(-halfWidth + w / 2, halfWidth - w / 2);
                boolean free = true;
                for (double[] slot : taken) {
                    if (x - w / 2 < slot[1] && slot[0] < x + w / 2) {
                        free = false;
                        break;
                    }
                }
                if (free) {
                    taken.add(new double[] {x - w / 2, x + w / 2});
                    return x;
                }
            }
            return Double.NaN;
        }
    }
}
