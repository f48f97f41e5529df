package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.weighting.GradientWeighting;

/**
 * ExcessMTL (He et al., "Robust Multi-Task Learning with Excess Risks", ICML 2024), as LibMTL's
 * weighting/ExcessMTL.py after the authors' code. Each task's excess risk is estimated from its
 * gradient with a diagonal AdaGrad preconditioner: the squared gradients are summed over the run,
 * {@code s_k += g_k^2}, and {@code e_k = g_k . (g_k / sqrt(s_k + 1e-7))}. The first step's estimates
 * are the baseline {@code e_k(0)}; from the second step on the loss weights take a multiplicative
 * (exponentiated-gradient) step {@code w_k <- w_k exp(eta e_k / e_k(0))}, renormalised to sum to K
 * (start 1), so that tasks far from their best get more weight. The update is {@code sum_k w_k g_k}
 * and the task-specific parameters get {@code w_k}-weighted gradients (LibMTL back-propagates
 * {@code sum_k w_k L_k}). The reported weights are {@code w}.
 *
 * <p>A task whose gradient is exactly zero in the first step (a batch without a valid pixel) would have a
 * zero baseline, and every later ratio would divide by it (LibMTL: Inf or NaN). Its baseline is instead
 * its first positive estimate: until then its ratio is 0, and in the step that sets it 1, as every
 * task's in the first step (where the uniform factor leaves the weights as they are). The sums of
 * squares (K vectors of the shared parameters' size), the baselines and the weights are the method's state.
 */
final class ExcessMtlWeighting extends GradientWeighting {

    private final double stepSize;
    private final TaskBuffers squares;
    private final double[] estimates;
    private double[] baseline;
    private double[] lossWeights;
    private boolean started;

    ExcessMtlWeighting(List<TaskSpec> tasks, double stepSize) {
        super("excess-mtl", tasks, filled(tasks.size(), 1));
        this.stepSize = stepSize;
        this.squares = new TaskBuffers("excess-mtl", "squares", tasks.size());
        this.estimates = new double[tasks.size()];
        this.baseline = filled(tasks.size(), 0);
        this.lossWeights = filled(tasks.size(), 1);
    }

    @Override
    protected void inspect(List<NDArray> gradients) {
        for (int k = 0; k < taskCount(); k++) {
            NDArray g = gradients.get(k);
            int task = k;
            squares.update(k, g, previous -> {
                NDArray square = g.square();
                NDArray sum = previous == null ? square : square.add(previous);
                estimates[task] = g.mul(g.div(sum.add(1e-7f).sqrt())).sum().getFloat();
                return sum;
            });
        }
    }

    @Override
    protected double[] combination(double[][] gram, double[] losses, WeightingContext context) {
        int k = taskCount();
        double[] ratio = new double[k];
        for (int i = 0; i < k; i++) {
            if (baseline[i] > 0) {
                ratio[i] = estimates[i] / baseline[i];
            } else if (estimates[i] > 0) {
                baseline[i] = estimates[i];
                ratio[i] = 1;
            }
        }
        if (started) {
            double sum = 0;
            double[] next = new double[k];
            for (int i = 0; i < k; i++) {
                next[i] = lossWeights[i] * Math.exp(ratio[i] * stepSize);
                sum += next[i];
            }
            for (int i = 0; i < k; i++) {
                next[i] = next[i] / sum * k;
            }
            lossWeights = next;
        }
        started = true;
        return lossWeights.clone();
    }

    @Override
    protected void afterCombination(NDList taskLosses, double[][] gram, double[] weights, WeightingContext context) {
        weighTaskSpecificGradients(taskLosses, weights, context);
    }

    @Override
    public OptionalDouble weightSum() {
        return OptionalDouble.of(taskCount());
    }

    /** The loss weights, the baselines (0 while unknown), whether a step was taken, and the sums of squares. */
    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> state = new LinkedHashMap<>();
        state.put("weights", lossWeights.clone());
        state.put("baseline", baseline.clone());
        state.put("started", new double[] {started ? 1 : 0});
        squares.saveTo(state);
        return state;
    }

    @Override
    public void restoreState(Map<String, double[]> state) {
        lossWeights = States.require(state, "excess-mtl", "weights", taskCount());
        baseline = States.require(state, "excess-mtl", "baseline", taskCount());
        started = States.count(state, "excess-mtl", "started") != 0;
        squares.restoreFrom(state);
    }
}
