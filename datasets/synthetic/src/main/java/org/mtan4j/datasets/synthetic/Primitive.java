package org.mtan4j.datasets.synthetic;

/**
 * A solid shape of a scene object with its label and material. The camera is never inside one, so
 * only the entering intersection matters.
 */
abstract class Primitive {

    /** Hits closer than this are ignored, against self-intersection at the ray origin. */
    static final double EPS = 1e-6;

    final int label;
    final Material material;

    Primitive(NyuClass label, Material material) {
        this.label = label.label();
        this.material = material;
    }

    /** Records the entering intersection in {@code hit} when it is closer than {@code hit.t}. */
    abstract void intersect(Ray ray, Hit hit);

    /** Extends the world bounding box {min x, min y, min z, max x, max y, max z} by this shape. */
    abstract void extend(double[] box);

    static void extend(double[] box, double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {
        box[0] = Math.min(box[0], minX);
        box[1] = Math.min(box[1], minY);
        box[2] = Math.min(box[2], minZ);
        box[3] = Math.max(box[3], maxX);
        box[4] = Math.max(box[4], maxY);
        box[5] = Math.max(box[5], maxZ);
    }

    /**
     * A box turned by {@code yaw} about the vertical axis: local (x, z) maps to world
     * {@code (cx + cos x + sin z, cz - sin x + cos z)}, so local +z points along yaw like the camera.
     */
    static final class Box extends Primitive {
        private final double cx;
        private final double cy;
        private final double cz;
        private final double hx;
        private final double hy;
        private final double hz;
        private final double cos;
        private final double sin;

        Box(double cx, double cy, double cz, double hx, double hy, double hz, double yaw, NyuClass label, Material material) {
            super(label, material);
            this.cx = cx;
            this.cy = cy;
            this.cz = cz;
            this.hx = hx;
            this.hy = hy;
            this.hz = hz;
            this.cos = Math.cos(yaw);
            this.sin = Math.sin(yaw);
        }

        @Override
        void intersect(Ray ray, Hit hit) {
            // Into the box frame: rotate by -yaw about y.
            double px = ray.ox - cx;
            double pz = ray.oz - cz;
            double ox = cos * px - sin * pz;
            double oy = ray.oy - cy;
            double oz = sin * px + cos * pz;
            double dx = cos * ray.dx - sin * ray.dz;
            double dy = ray.dy;
            double dz = sin * ray.dx + cos * ray.dz;
            double tMin = EPS;
            double tMax = hit.t;
            int axis = -1;
            // Slab test per axis; "axis" remembers which slab the ray entered last, i.e. the face hit.
            for (int a = 0; a < 3; a++) {
                double o = a == 0 ? ox : a == 1 ? oy : oz;
                double d = a == 0 ? dx : a == 1 ? dy : dz;
                double h = a == 0 ? hx : a == 1 ? hy : hz;
                if (d == 0) {
                    if (Math.abs(o) > h) {
                        return;
                    }
                    continue;
                }
                double t0 = (-h - o) / d;
                double t1 = (h - o) / d;
                if (t0 > t1) {
                    double swap = t0;
                    t0 = t1;
                    t1 = swap;
                }
                if (t0 > tMin) {
                    tMin = t0;
                    axis = a;
                }
                tMax = Math.min(tMax, t1);
            }
            if (axis < 0 || tMin > tMax) {
                return; // a miss, or the origin is inside the box
            }
            double lnx = axis == 0 ? -Math.signum(dx) : 0;
            double lny = axis == 1 ? -Math.signum(dy) : 0;
            double lnz = axis == 2 ? -Math.signum(dz) : 0;
            hit.set(tMin, cos * lnx + sin * lnz, lny, -sin * lnx + cos * lnz, label, material);
            hit.texture(ox + tMin * dx, oy + tMin * dy, oz + tMin * dz);
        }

        @Override
        void extend(double[] box) {
            double ex = Math.abs(cos) * hx + Math.abs(sin) * hz;
            double ez = Math.abs(sin) * hx + Math.abs(cos) * hz;
            extend(box, cx - ex, cy - hy, cz - ez, cx + ex, cy + hy, cz + ez);
        }
    }

    /** A sphere. */
    static final class Sphere extends Primitive {
        private final double cx;
        private final double cy;
        private final double cz;
        private final double r;

        Sphere(double cx, double cy, double cz, double r, NyuClass label, Material material) {
            super(label, material);
            this.cx = cx;
            this.cy = cy;
            this.cz = cz;
            this.r = r;
        }

        @Override
        void intersect(Ray ray, Hit hit) {
            double ox = ray.ox - cx;
            double oy = ray.oy - cy;
            double oz = ray.oz - cz;
            double a = ray.dx * ray.dx + ray.dy * ray.dy + ray.dz * ray.dz;
            double b = ox * ray.dx + oy * ray.dy + oz * ray.dz;
            double c = ox * ox + oy * oy + oz * oz - r * r;
            double disc = b * b - a * c;
            if (disc < 0) {
                return;
            }
            double t = (-b - Math.sqrt(disc)) / a;
            if (t <= EPS || t >= hit.t) {
                return;
            }
            double px = ox + t * ray.dx;
            double py = oy + t * ray.dy;
            double pz = oz + t * ray.dz;
            hit.set(t, px / r, py / r, pz / r, label, material);
            hit.texture(px, py, pz);
        }

        @Override
        void extend(double[] box) {
            extend(box, cx - r, cy - r, cz - r, cx + r, cy + r, cz + r);
        }
    }

    /** A vertical solid cylinder from height {@code y0} to {@code y1}, with both caps. */
    static final class Cylinder extends Primitive {
        private final double cx;
        private final double cz;
        private final double y0;
        private final double y1;
        private final double r;

        Cylinder(double cx, double cz, double y0, double y1, double r, NyuClass label, Material material) {
            super(label, material);
            this.cx = cx;
            this.cz = cz;
            this.y0 = y0;
            this.y1 = y1;
            this.r = r;
        }

        @Override
        void intersect(Ray ray, Hit hit) {
            double ox = ray.ox - cx;
            double oz = ray.oz - cz;
            double best = hit.t;
            int face = -1; // 0 side, 1 bottom cap, 2 top cap
            double a = ray.dx * ray.dx + ray.dz * ray.dz;
            if (a > 0) {
                double b = ox * ray.dx + oz * ray.dz;
                double c = ox * ox + oz * oz - r * r;
                double disc = b * b - a * c;
                if (disc >= 0) {
                    double t = (-b - Math.sqrt(disc)) / a;
                    double y = ray.oy + t * ray.dy;
                    if (t > EPS && t < best && y >= y0 && y <= y1) {
                        best = t;
                        face = 0;
                    }
                }
            }
            if (ray.dy != 0) {
                // A cap counts only where the ray crosses its plane inside the disc.
                for (int cap = 1; cap <= 2; cap++) {
                    double t = ((cap == 1 ? y0 : y1) - ray.oy) / ray.dy;
                    if (t > EPS && t < best) {
                        double px = ox + t * ray.dx;
                        double pz = oz + t * ray.dz;
                        if (px * px + pz * pz <= r * r) {
                            best = t;
                            face = cap;
                        }
                    }
                }
            }
            if (face < 0) {
                return;
            }
            double px = ox + best * ray.dx;
            double py = ray.oy + best * ray.dy;
            double pz = oz + best * ray.dz;
            if (face == 0) {
                hit.set(best, px / r, 0, pz / r, label, material);
            } else {
                hit.set(best, 0, face == 1 ? -1 : 1, 0, label, material);
            }
            hit.texture(px, py, pz);
        }

        @Override
        void extend(double[] box) {
            extend(box, cx - r, y0, cz - r, cx + r, y1, cz + r);
        }
    }
}
