package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;

/**
 * DB-MTL (Lin et al., "Dual-Balancing for Multi-Task Learning", 2023), as LibMTL's weighting/DB_MTL.py.
 * Loss balancing: the gradients are those of {@code log(L_k + 1e-8)}. Gradient balancing: an
 * exponential moving average {@code m_k <- g_k + beta / t^sigma (m_k - g_k)} per task (t the step, from
 * 1), and the update {@code sum_k (max_j |m_j| / (|m_k| + 1e-8)) m_k}, every task's term scaled to the
 * largest norm. The reported weights are those scale factors. The moving averages are the method's state
 * between steps (held in its own NDManager).
 */
final class DbMtlWeighting extends GradientWeighting {

    private final double beta;
    private final double betaSigma;
    private final List<NDArray> buffers = new ArrayList<>();
    private NDManager stateManager;
    private long step;
    // A checkpoint's buffers until the first step, which knows the device and shape.
    private List<double[]> restored;

    DbMtlWeighting(List<TaskSpec> tasks, double beta, double betaSigma) {
        super("db-mtl", tasks, filled(tasks.size(), 1));
        this.beta = beta;
        this.betaSigma = betaSigma;
    }

    @Override
    public void backward(NDList taskLosses, WeightingContext context) {
        checkLosses(taskLosses);
        if (!context.offersTaskGradients()) {
            throw new UnsupportedOperationException("the weighting 'db-mtl' needs per-task gradients");
        }
        step++;
        NDList logs = new NDList(taskCount());
        for (NDArray loss : taskLosses) {
            logs.add(loss.add(1e-8f).log());
        }
        List<NDArray> gradients = context.taskGradients(logs);
        if (stateManager == null) {
            stateManager = NDManager.newBaseManager(gradients.get(0).getDevice());
        }
        if (restored != null) {
            for (double[] values : restored) {
                float[] floats = new float[values.length];
                for (int i = 0; i < values.length; i++) {
                    floats[i] = (float) values[i];
                }
                buffers.add(stateManager.create(floats).reshape(gradients.get(0).getShape()));
            }
            restored = null;
        }
        float decay = (float) (beta / Math.pow(step, betaSigma));
        double[] norms = new double[taskCount()];
        double max = 0;
        for (int k = 0; k < taskCount(); k++) {
            NDArray g = gradients.get(k);
            NDArray previous = k < buffers.size() ? buffers.get(k) : null;
            // m = g + decay (m_old - g) = g - decay (g - m_old); the first step starts from m_old = 0.
            // g first: temporaries then belong to the step, not to the long-lived state manager.
            NDArray updated = previous == null ? g.mul(1 - decay) : g.sub(g.sub(previous).mul(decay));
            norms[k] = updated.norm().getFloat(); // before the move, so the scalar belongs to the step
            updated.attach(stateManager);
            if (previous == null) {
                buffers.add(updated);
            } else {
                buffers.set(k, updated);
                previous.close();
            }
            max = Math.max(max, norms[k]);
        }
        double[] alpha = new double[taskCount()];
        for (int k = 0; k < taskCount(); k++) {
            alpha[k] = max / (norms[k] + 1e-8);
        }
        setWeights(alpha);
        try (NDManager scratch = gradients.get(0).getManager().newSubManager()) {
            NDArray combined = buffers.get(0).mul((float) alpha[0]);
            combined.attach(scratch);
            for (int k = 1; k < taskCount(); k++) {
                NDArray term = buffers.get(k).mul((float) alpha[k]);
                term.attach(scratch);
                combined.addi(term);
            }
            context.setSharedGradient(combined);
        }
    }

    @Override
    double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        throw new UnsupportedOperationException("DB-MTL combines its moving averages in backward");
    }

    /** The step count and each task's moving average of its gradient ({@code buffer.<task index>}). */
    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> state = new java.util.LinkedHashMap<>();
        state.put("step", new double[] {step});
        if (restored != null) {
            for (int k = 0; k < restored.size(); k++) {
                state.put("buffer." + k, restored.get(k).clone());
            }
        }
        for (int k = 0; k < buffers.size(); k++) {
            float[] values = buffers.get(k).toFloatArray();
            double[] copy = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                copy[i] = values[i];
            }
            state.put("buffer." + k, copy);
        }
        return state;
    }

    @Override
    public void restoreState(Map<String, double[]> state) {
        step = States.count(state, "db-mtl", "step");
        if (!state.containsKey("buffer.0")) {
            return;
        }
        restored = new ArrayList<>();
        for (int k = 0; k < taskCount(); k++) {
            double[] values = state.get("buffer." + k);
            restored.add(States.require(state, "db-mtl", "buffer." + k, values == null ? 0 : values.length));
        }
    }
}
