package org.mtan4j.plugins.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Shape checks and the native-memory scope the metrics share. */
final class MetricSupport {

    private MetricSupport() {
    }

    /**
     * A sub-manager that owns every array a metric creates while it looks at a batch. The batch's
     * arrays are attached to it only temporarily: closing it frees the intermediates and hands the
     * caller's arrays back to their own managers untouched.
     */
    static NDManager scope(NDArray prediction, NDArray target) {
        NDManager scope = NDManager.subManagerOf(prediction);
        prediction.tempAttach(scope);
        if (target != prediction) {
            target.tempAttach(scope);
        }
        return scope;
    }

    /**
     * Checks prediction and target have the same shape with {@code channels} entries on axis 1.
     *
     * @throws IllegalArgumentException naming the metric, the task and both shapes
     */
    static void requireSameShape(String metric, String task, NDArray prediction, NDArray target, long channels) {
        Shape p = prediction.getShape();
        Shape t = target.getShape();
        if (p.dimension() < 2 || p.get(1) != channels || !p.equals(t)) {
            throw new IllegalArgumentException(metric + " of task '" + task + "' needs prediction and target of one"
                    + " shape (N, " + channels + ", ...), got prediction " + p + " and target " + t);
        }
    }

    /** {@code numerator / denominator}, or NaN when nothing was counted. */
    static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
