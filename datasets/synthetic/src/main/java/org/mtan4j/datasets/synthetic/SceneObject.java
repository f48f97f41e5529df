package org.mtan4j.datasets.synthetic;

import java.util.List;

/**
 * A group of primitives (a table with its legs, a shelf with its books) behind one world bounding
 * box, so most rays skip the whole group with a single slab test.
 */
final class SceneObject {

    private final Primitive[] parts;
    private final double minX;
    private final double minY;
    private final double minZ;
    private final double maxX;
    private final double maxY;
    private final double maxZ;

    SceneObject(List<Primitive> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("an object needs at least one part");
        }
        this.parts = parts.toArray(new Primitive[0]);
        double inf = Double.POSITIVE_INFINITY;
        double[] box = {inf, inf, inf, -inf, -inf, -inf};
        for (Primitive p : this.parts) {
            p.extend(box);
        }
        minX = box[0];
        minY = box[1];
        minZ = box[2];
        maxX = box[3];
        maxY = box[4];
        maxZ = box[5];
    }

    /** Intersects the parts when the ray enters the bounding box before the current hit. */
    void intersect(Ray ray, Hit hit) {
        double t0 = (minX - ray.ox) * ray.invDx;
        double t1 = (maxX - ray.ox) * ray.invDx;
        double near = Math.min(t0, t1);
        double far = Math.max(t0, t1);
        t0 = (minY - ray.oy) * ray.invDy;
        t1 = (maxY - ray.oy) * ray.invDy;
        near = Math.max(near, Math.min(t0, t1));
        far = Math.min(far, Math.max(t0, t1));
        t0 = (minZ - ray.oz) * ray.invDz;
        t1 = (maxZ - ray.oz) * ray.invDz;
        near = Math.max(near, Math.min(t0, t1));
        far = Math.min(far, Math.max(t0, t1));
        // NaN (a zero direction component on a slab boundary) fails both tests: then test the parts.
        if (near > far || far < 0 || near >= hit.t) {
            return;
        }
        for (Primitive p : parts) {
            p.intersect(ray, hit);
        }
    }
}
