package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.mtan4j.api.nd.EngineArrays;

/**
 * One vector per task, shaped as the per-task gradients, that a weighting keeps from step to step
 * (DB-MTL's and MoCo's tracked gradients, ExcessMTL's sums of squared gradients), held by a manager
 * of its own. Part of the weighting's {@link org.mtan4j.api.Weighting#state()} as {@code <key>.<task
 * index>}; a restored state is turned back into arrays at the first step, which knows the device and
 * the shape.
 */
final class TaskBuffers {

    private final String weighting;
    private final String key;
    private final int count;
    private final List<NDArray> buffers = new ArrayList<>();
    private NDManager manager;
    private List<double[]> restored;

    /**
     * @param weighting the weighting's name, for messages
     * @param key the state key's prefix
     * @param count K
     */
    TaskBuffers(String weighting, String key, int count) {
        this.weighting = weighting;
        this.key = key;
        this.count = count;
    }

    /**
     * Replaces task k's buffer by {@code next.apply(previous)}, {@code previous} being {@code null} before
     * the task's first update. {@code next} must start its arithmetic from the step's arrays (as in
     * {@code g.sub(previous)}): results belong to the manager of an operation's first operand, and only
     * the final result is moved to the buffers' manager.
     *
     * @param like an array of the step shaped as the buffers (a task gradient)
     * @return the new buffer
     */
    NDArray update(int k, NDArray like, UnaryOperator<NDArray> next) {
        materialise(like);
        NDArray previous = k < buffers.size() ? buffers.get(k) : null;
        NDArray updated = next.apply(previous);
        updated.attach(manager);
        if (previous == null) {
            buffers.add(updated);
        } else {
            buffers.set(k, updated);
            previous.close();
        }
        return updated;
    }

    /** The buffers, in task order (all K after each task's first update). */
    List<NDArray> all() {
        return List.copyOf(buffers);
    }

    /** {@code sum_k w_k b_k}, its temporaries and result attached to {@code scratch}. */
    NDArray combination(double[] w, NDManager scratch) {
        NDArray combined = buffers.get(0).mul((float) w[0]);
        combined.attach(scratch);
        for (int k = 1; k < buffers.size(); k++) {
            NDArray term = buffers.get(k).mul((float) w[k]);
            term.attach(scratch);
            combined.addi(term);
        }
        return combined;
    }

    /** The Gram matrix {@code b_i . b_j} of the buffers, in doubles; temporaries go to {@code scratch}. */
    double[][] gram(NDManager scratch) {
        int k = buffers.size();
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                NDArray dot = buffers.get(i).dot(buffers.get(j));
                dot.attach(scratch);
                g[i][j] = dot.toType(DataType.FLOAT64, false).getDouble();
                g[j][i] = g[i][j];
            }
        }
        return g;
    }

    /** Adds {@code <key>.<k>} for each buffer (or restored values not yet used) to {@code state}. */
    void saveTo(Map<String, double[]> state) {
        if (restored != null) {
            for (int k = 0; k < restored.size(); k++) {
                state.put(key + "." + k, restored.get(k).clone());
            }
        }
        for (int k = 0; k < buffers.size(); k++) {
            float[] values = buffers.get(k).toFloatArray();
            double[] copy = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                copy[i] = values[i];
            }
            state.put(key + "." + k, copy);
        }
    }

    /** Takes the buffers from {@code state}; none when it has no {@code <key>.0} (saved before the first step). */
    void restoreFrom(Map<String, double[]> state) {
        buffers.clear();
        restored = null;
        if (!state.containsKey(key + ".0")) {
            return;
        }
        int length = state.get(key + ".0").length;
        restored = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            restored.add(States.require(state, weighting, key + "." + k, length));
        }
    }

    private void materialise(NDArray like) {
        if (manager == null) {
            manager = NDManager.newBaseManager(like.getDevice());
        }
        if (restored == null) {
            return;
        }
        for (double[] values : restored) {
            float[] floats = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                floats[i] = (float) values[i];
            }
            try (NDArray data = manager.create(floats, like.getShape())) {
                buffers.add(EngineArrays.ownedCopy(data, like.getDataType(), like.getDevice()));
            }
        }
        restored = null;
    }
}
