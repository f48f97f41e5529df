package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * MoCo (Fernando et al., "Mitigating Gradient Bias in Multi-objective Learning: A Provably Convergent
 * Approach", ICLR 2023), as LibMTL's weighting/MoCo.py after the authors' code. Each task's gradient is
 * rescaled to its loss, {@code h_k = g_k / (|g_k| + 1e-8) L_k}, and tracked: {@code y_k <- y_k - beta_t
 * (y_k - h_k)} with {@code beta_t = beta / t^betaSigma} (t the step, from 1; {@code y} starts at 0). The
 * weights take one step {@code lambda <- softmax(lambda - gamma_t (Y Y^T + rho I) lambda)} with
 * {@code gamma_t = gamma / t^gammaSigma} (start {@code 1 / K}; the paper's Algorithm 1 projects onto the
 * simplex where the authors' code, and LibMTL, take the softmax, which this class follows). The shared
 * update is {@code sum_k lambda_k y_k}: the tracked gradients, whose bias the tracking removes, not the
 * step's. The task-specific parameters get their own losses' gradients. The reported weights are
 * {@code lambda}; they sum to 1. The tracked gradients (K vectors of the shared parameters' size), the
 * weights and the step are the method's state.
 */
final class MoCoWeighting extends GradientWeighting {

    private final double beta;
    private final double betaSigma;
    private final double gamma;
    private final double gammaSigma;
    private final double rho;
    private final TaskBuffers tracked;
    private double[] lambda;
    private long step;

    MoCoWeighting(List<TaskSpec> tasks, double beta, double betaSigma, double gamma, double gammaSigma, double rho) {
        super("moco", tasks, filled(tasks.size(), 1.0 / tasks.size()));
        this.beta = beta;
        this.betaSigma = betaSigma;
        this.gamma = gamma;
        this.gammaSigma = gammaSigma;
        this.rho = rho;
        this.tracked = new TaskBuffers("moco", "y", tasks.size());
        this.lambda = filled(tasks.size(), 1.0 / tasks.size());
    }

    @Override
    public void backward(NDList taskLosses, WeightingContext context) {
        checkLosses(taskLosses);
        if (!context.offersTaskGradients()) {
            throw new UnsupportedOperationException("the weighting 'moco' needs per-task gradients");
        }
        step++;
        int k = taskCount();
        List<NDArray> gradients = context.taskGradients(taskLosses);
        float betaT = (float) (beta / Math.pow(step, betaSigma));
        for (int t = 0; t < k; t++) {
            NDArray g = gradients.get(t);
            float scale = (float) (taskLosses.get(t).getFloat() / (g.norm().getFloat() + 1e-8));
            // y - beta (y - h) = (h - y) beta + y, written from the step's arrays; y starts at 0.
            tracked.update(t, g, y -> y == null ? g.mul(scale * betaT) : g.mul(scale).sub(y).mul(betaT).add(y));
        }
        try (NDManager scratch = gradients.get(0).getManager().newSubManager()) {
            double[][] yy = tracked.gram(scratch);
            double gammaT = gamma / Math.pow(step, gammaSigma);
            double[] moved = new double[k];
            for (int i = 0; i < k; i++) {
                double product = rho * lambda[i];
                for (int j = 0; j < k; j++) {
                    product += yy[i][j] * lambda[j];
                }
                moved[i] = lambda[i] - gammaT * product;
            }
            lambda = FamoWeighting.softmax(moved);
            setWeights(lambda);
            context.setSharedGradient(tracked.combination(lambda, scratch));
        }
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        throw new UnsupportedOperationException("MoCo combines its tracked gradients in backward");
    }

    @Override
    public OptionalDouble weightSum() {
        return OptionalDouble.of(1);
    }

    /** The step count, the weights and each task's tracked gradient ({@code y.<task index>}). */
    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> state = new LinkedHashMap<>();
        state.put("step", new double[] {step});
        state.put("lambda", lambda.clone());
        tracked.saveTo(state);
        return state;
    }

    @Override
    public void restoreState(Map<String, double[]> state) {
        step = States.count(state, "moco", "step");
        lambda = States.require(state, "moco", "lambda", taskCount());
        tracked.restoreFrom(state);
    }
}
