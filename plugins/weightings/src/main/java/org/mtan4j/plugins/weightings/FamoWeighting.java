package org.mtan4j.plugins.weightings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.mtan4j.api.TaskSpec;
import org.mtan4j.api.WeightingContext;
import org.mtan4j.api.nd.Scalars;
import org.mtan4j.api.weighting.AbstractWeighting;

/**
 * FAMO (Liu et al., NeurIPS 2023), as LibMTL's weighting/FAMO.py. Logits {@code w} (start 0),
 * {@code z = softmax(w)}, {@code D_k = L_k - min_k + 1e-8} with LibMTL's lower bounds {@code min_k = 0},
 * and the step's loss {@code sum_k z_k log(D_k) / c} with the constant {@code c = sum_k z_k / D_k}; so
 * task k's effective weight is {@code z_k / (c D_k)} and the weights sum to 1. After the model's update
 * the same batch's losses give {@code delta_k = log D_k(before) - log D_k(after)}, and {@code w} takes
 * one step of its own Adam (PyTorch's rule, learning rate {@code lr}, L2 weight decay {@code gamma})
 * along the softmax's vector-Jacobian product {@code z * (delta - z . delta)}. A loss-level method: no
 * per-task gradients, one extra forward pass per step.
 */
final class FamoWeighting extends AbstractWeighting {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final int count;
    private final double lr;
    private final double gamma;
    private final double[] w;
    private final double[] m;
    private final double[] v;
    private int adamSteps;
    private double[] previousLosses;

    FamoWeighting(List<TaskSpec> tasks, double lr, double gamma) {
        super(tasks, filled(tasks.size(), 1.0 / tasks.size()));
        this.count = tasks.size();
        this.lr = lr;
        this.gamma = gamma;
        this.w = new double[count];
        this.m = new double[count];
        this.v = new double[count];
    }

    @Override
    public NDArray combine(NDList taskLosses, WeightingContext context) {
        checkLosses(taskLosses);
        double[] z = softmax(w);
        double[] values = new double[count];
        double c = 0;
        for (int k = 0; k < count; k++) {
            values[k] = taskLosses.get(k).getFloat();
            c += z[k] / (values[k] + EPS);
        }
        previousLosses = values;
        NDArray total = null;
        double[] effective = new double[count];
        for (int k = 0; k < count; k++) {
            NDArray term = Scalars.mul(taskLosses.get(k).add((float) EPS).log(), z[k] / c);
            total = total == null ? term : total.add(term);
            effective[k] = z[k] / (c * (values[k] + EPS));
        }
        setWeights(effective);
        return total;
    }

    @Override
    public boolean wantsLossesAfterUpdate() {
        return true;
    }

    @Override
    public void afterUpdate(double[] taskLosses) {
        if (previousLosses == null) {
            return;
        }
        double[] z = softmax(w);
        double[] delta = new double[count];
        double dot = 0;
        for (int k = 0; k < count; k++) {
            delta[k] = Math.log(previousLosses[k] + EPS) - Math.log(taskLosses[k] + EPS);
            dot += z[k] * delta[k];
        }
        adamSteps++;
        double correction1 = 1 - Math.pow(BETA1, adamSteps);
        double correction2 = Math.sqrt(1 - Math.pow(BETA2, adamSteps));
        for (int k = 0; k < count; k++) {
            double g = z[k] * (delta[k] - dot) + gamma * w[k];
            m[k] = BETA1 * m[k] + (1 - BETA1) * g;
            v[k] = BETA2 * v[k] + (1 - BETA2) * g * g;
            w[k] -= lr / correction1 * m[k] / (Math.sqrt(v[k]) / correction2 + EPS);
        }
        previousLosses = null;
    }

    static double[] softmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : x) {
            max = Math.max(max, value);
        }
        double[] out = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.exp(x[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < x.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    @Override
    public OptionalDouble weightSum() {
        return OptionalDouble.of(1);
    }

    /** The logits {@code w}, their Adam moments and step count, and the last weights. */
    @Override
    public Map<String, double[]> state() {
        return Map.of("w", w.clone(), "adam-m", m.clone(), "adam-v", v.clone(), "adam-steps", new double[] {adamSteps},
                "weights", taskWeights());
    }

    @Override
    public void restoreState(Map<String, double[]> state) {
        System.arraycopy(States.require(state, "famo", "w", count), 0, w, 0, count);
        System.arraycopy(States.require(state, "famo", "adam-m", count), 0, m, 0, count);
        System.arraycopy(States.require(state, "famo", "adam-v", count), 0, v, 0, count);
        adamSteps = Math.toIntExact(States.count(state, "famo", "adam-steps"));
        setWeights(States.require(state, "famo", "weights", count));
    }
}
