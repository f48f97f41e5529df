package org.mtan4j.plugins.weightings;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.Weighting;
import org.mtan4j.testkit.GradientContext;

/**
 * Golden problems for gradient-level weightings: a shared parameter {@code p} (at 0) and linear losses
 * {@code L_k = g_k . p + offset_k}, so task k's gradient is exactly the chosen {@code g_k}.
 */
final class Golden {

    private Golden() {
    }

    /** Tasks named t0, t1, ... */
    static List<TaskSpec> tasks(int count) {
        List<TaskSpec> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(TaskSpec.depth("t" + k));
        }
        return out;
    }

    /** The weighting's block, if any, initialised. */
    static void initialise(Weighting weighting, NDManager manager) {
        weighting.parameters().ifPresent(b -> b.initialize(manager, DataType.FLOAT32, new Shape(1)));
    }

    /** One step with losses {@code g_k . p + 10}; returns the shared gradient written back. */
    static double[] step(Weighting weighting, NDManager manager, float[][] gradients, int epoch, Random random) {
        float[] offsets = new float[gradients.length];
        java.util.Arrays.fill(offsets, 10f);
        return step(weighting, manager, gradients, offsets, epoch, random);
    }

    /** One step with losses {@code g_k . p + offsets_k}; returns the shared gradient written back. */
    static double[] step(Weighting weighting, NDManager manager, float[][] gradients, float[] offsets, int epoch,
            Random random) {
        int k = gradients.length;
        NDArray p = manager.zeros(new Shape(gradients[0].length));
        p.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList losses = new NDList();
            for (int t = 0; t < k; t++) {
                losses.add(p.mul(manager.create(gradients[t])).sum().add(offsets[t]));
            }
            weighting.backward(losses, new GradientContext(tasks(k), epoch, 0, random, collector, List.of(p), manager));
        }
        float[] g = p.getGradient().toFloatArray();
        double[] out = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = g[i];
        }
        return out;
    }
}
