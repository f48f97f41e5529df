package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

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
    private final TaskBuffers buffers;
    private long step;

    DbMtlWeighting(List<TaskSpec> tasks, double beta, double betaSigma) {
        super("db-mtl", tasks, filled(tasks.size(), 1));
        this.beta = beta;
        this.betaSigma = betaSigma;
        this.buffers = new TaskBuffers("db-mtl", "buffer", tasks.size());
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
        float decay = (float) (beta / Math.pow(step, betaSigma));
        double[] norms = new double[taskCount()];
        double max = 0;
        for (int k = 0; k < taskCount(); k++) {
            NDArray g = gradients.get(k);
            int task = k;
            buffers.update(k, g, previous -> {
                // m = g + decay (m_old - g) = g - decay (g - m_old); the first step starts from m_old = 0.
                NDArray m = previous == null ? g.mul(1 - decay) : g.sub(g.sub(previous).mul(decay));
                norms[task] = m.norm().getFloat(); // before the move, so the scalar belongs to the step
                return m;
            });
            max = Math.max(max, norms[k]);
        }
        double[] alpha = new double[taskCount()];
        for (int k = 0; k < taskCount(); k++) {
            alpha[k] = max / (norms[k] + 1e-8);
        }
        setWeights(alpha);
        try (NDManager scratch = gradients.get(0).getManager().newSubManager()) {
            context.setSharedGradient(buffers.combination(alpha, scratch));
        }
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        throw new UnsupportedOperationException("DB-MTL combines its moving averages in backward");
    }

    /** The step count and each task's moving average of its gradient ({@code buffer.<task index>}). */
    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> state = new java.util.LinkedHashMap<>();
        state.put("step", new double[] {step});
        buffers.saveTo(state);
        return state;
    }

    @Override
    public void restoreState(Map<String, double[]> state) {
        step = States.count(state, "db-mtl", "step");
        buffers.restoreFrom(state);
    }
}
